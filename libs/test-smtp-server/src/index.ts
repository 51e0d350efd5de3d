export { SmtpTestServer, type ReceivedMail } from './smtp-test-server';
