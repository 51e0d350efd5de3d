import { loadConfig } from '@tenure/platform';
import { z } from 'zod';
import { DEFAULT_MASS_CHANGE_POLICY, type MassChangePolicy } from './mass-change-policy';

/** The mass-change guard's limits from the environment; each falls back to its default. */
export const massChangeConfigSchema = z.object({
  /** Largest share of the population (0..1, e.g. 0.05) that one import may terminate or move. */
  MASS_CHANGE_MAX_SHARE: z.coerce.number().gt(0, 'must be above 0').max(1, 'must be at most 1 (a share, e.g. 0.05)').optional(),
  /** Largest number of people one import may terminate or move. */
  MASS_CHANGE_MAX_COUNT: z.coerce.number().int('must be a whole number').min(0).optional(),
  /** Below this many people the share rule does not apply. */
  MASS_CHANGE_MIN_COUNT_FOR_SHARE: z.coerce.number().int('must be a whole number').min(1).optional(),
  /** Live feeds (SCIM, webhook) send one change at a time: their terminations and moves are counted over this many minutes. */
  MASS_CHANGE_WINDOW_MINUTES: z.coerce.number().gt(0, 'must be above 0').optional(),
});

export const DEFAULT_MASS_CHANGE_WINDOW_MINUTES = 60;

/** The live feeds' counting window in milliseconds; throws ConfigurationError naming a bad variable. */
export function massChangeWindowMsFromEnv(env: NodeJS.ProcessEnv): number {
  const minutes = loadConfig(massChangeConfigSchema, env).MASS_CHANGE_WINDOW_MINUTES ?? DEFAULT_MASS_CHANGE_WINDOW_MINUTES;
  return minutes * 60_000;
}

/** Throws ConfigurationError naming each bad variable. */
export function massChangePolicyFromEnv(env: NodeJS.ProcessEnv): MassChangePolicy {
  const config = loadConfig(massChangeConfigSchema, env);
  return {
    maxShare: config.MASS_CHANGE_MAX_SHARE ?? DEFAULT_MASS_CHANGE_POLICY.maxShare,
    maxCount: config.MASS_CHANGE_MAX_COUNT ?? DEFAULT_MASS_CHANGE_POLICY.maxCount,
    minCountForShare: config.MASS_CHANGE_MIN_COUNT_FOR_SHARE ?? DEFAULT_MASS_CHANGE_POLICY.minCountForShare,
  };
}
