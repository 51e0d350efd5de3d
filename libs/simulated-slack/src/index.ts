export { SimulatedSlackApi, type RecordedCall, type SlackMember } from './simulated-slack-api';
export { signSlackRequest, type SlackSignatureHeaders } from './slack-signing';
