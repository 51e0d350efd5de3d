export * from './access-request.events';
export * from './access-request.state';
export * from './access-request.commands';
export * from './access-request.decider';
export * from './approver-resolution';
export * from './recorded-decision';
