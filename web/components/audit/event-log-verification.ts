/** The identity service's eventLogVerification answer: every event's SHA-256 chain recomputed, heads compared with the checkpoint. */
export interface EventLogVerification {
  intact: boolean;
  streams: number;
  events: number;
  seconds: number;
  findings: EventLogFinding[];
  /** Findings beyond maxFindings, counted but not returned. */
  findingsOmitted: number;
  /** The latest checkpoint the stream heads were compared with; null before the first one is taken. */
  checkpoint: EventLogCheckpoint | null;
}

export interface EventLogFinding {
  /** MODIFIED | REMOVED | INSERTED | REORDERED */
  kind: string;
  streamId: string;
  revision: string;
  eventId: string | null;
  position: string | null;
  source: string;
  detail: string;
}

export interface EventLogCheckpoint {
  source: string;
  id: string;
  root: string;
  streams: number;
  intact: boolean;
  problems: string[];
}

/** What the "Verify the history" form holds: nothing asked yet, the answer, or why there is none. */
export type VerificationState =
  { status: 'idle' } | { status: 'done'; verification: EventLogVerification } | { status: 'error'; message: string };

export const initialVerificationState: VerificationState = { status: 'idle' };

/** How many findings one verification returns; the rest are only counted (findingsOmitted). */
export const MAX_FINDINGS = 100;

const COUNT = new Intl.NumberFormat('en-US');

/** 12,345: grouped with a fixed locale, so server and browser agree. */
export function formatCount(count: number): string {
  return COUNT.format(count);
}

/** "1,234 events in 12 streams, checked in 0.42 s" (fixed locale, so server and browser agree). */
export function checkedSummary(verification: Pick<EventLogVerification, 'events' | 'streams' | 'seconds'>): string {
  const events = `${COUNT.format(verification.events)} ${verification.events === 1 ? 'event' : 'events'}`;
  const streams = `${COUNT.format(verification.streams)} ${verification.streams === 1 ? 'stream' : 'streams'}`;
  return `${events} in ${streams}, checked in ${formatSeconds(verification.seconds)}`;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(2)} s`;
  return `${seconds.toFixed(1)} s`;
}
