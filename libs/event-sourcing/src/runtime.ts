import { randomUUID } from 'node:crypto';

/** Time and ids are injected so that domain code and tests stay deterministic. */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdGenerator = { newId: () => randomUUID() };
