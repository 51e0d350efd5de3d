export * from './event-store-contract';
export * from './new-events';
export * from './seat-booking.decider';
