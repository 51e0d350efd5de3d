import { loadConfig } from '@tenure/platform';
import { z } from 'zod';

const auditCheckpointConfigSchema = z.object({
  /** Hours between the event log's checkpoints (verified, then sealed); 0 turns the schedule off. */
  AUDIT_CHECKPOINT_HOURS: z.coerce.number().min(0, 'must be 0 (off) or more').optional(),
});

export const DEFAULT_AUDIT_CHECKPOINT_HOURS = 24;

/** Milliseconds between checkpoints, or null when the schedule is off; throws ConfigurationError naming a bad value. */
export function auditCheckpointEveryMsFromEnv(env: NodeJS.ProcessEnv): number | null {
  const hours = loadConfig(auditCheckpointConfigSchema, env).AUDIT_CHECKPOINT_HOURS ?? DEFAULT_AUDIT_CHECKPOINT_HOURS;
  return hours === 0 ? null : hours * 3_600_000;
}
