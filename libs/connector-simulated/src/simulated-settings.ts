import { z } from 'zod';
import { ConnectorError } from '@tenure/connector-sdk';

const rate = z.number().min(0).max(1);

export const simulatedEntitlementSchema = z.object({
  key: z.string().min(1),
  displayName: z.string().min(1),
  description: z.string().nullable().default(null),
  /** e.g. "group", "license", "role". */
  kind: z.string().min(1).default('group'),
});

const capabilityFlags = z
  .object({
    createAccount: z.boolean(),
    updateAccount: z.boolean(),
    disableAccount: z.boolean(),
    enableAccount: z.boolean(),
    deleteAccount: z.boolean(),
    grant: z.boolean(),
    revoke: z.boolean(),
    list: z.boolean(),
  })
  .partial();

/** How an administrator (or the demo, or a benchmark) configures a simulated SaaS application. */
export const simulatedSaasSettingsSchema = z
  .object({
    /**
     * The simulated application's name, e.g. "chat". Connectors built with the same name share one
     * in-memory target, as connectors to one real SaaS tenant share its data.
     */
    application: z.string().min(1),
    /** The entitlements the application offers (created when the target is first used). */
    entitlements: z.array(simulatedEntitlementSchema).default([]),
    /** Added to every call, as a network round trip. */
    latencyMs: z.number().int().min(0).default(0),
    /** Share of calls that fail with a retryable `unavailable` error (a 503). */
    errorRate: rate.default(0),
    /** Share of calls that fail with a retryable `timeout`; half of the timed-out writes were applied anyway. */
    timeoutRate: rate.default(0),
    /** Calls allowed per second (per connector); more fail as `rate-limited` with `retryAfterMs`. Null: no limit. */
    rateLimit: z.number().int().positive().nullable().default(null),
    /** Seed of the fault randomness, so a run can be replayed. */
    seed: z.number().int().default(1),
    /** Operations to switch off (all are on by default), e.g. `{ "deleteAccount": false }`. */
    capabilities: capabilityFlags.default({}),
  })
  .refine((settings) => settings.errorRate + settings.timeoutRate <= 1, {
    message: 'errorRate + timeoutRate must not exceed 1',
    path: ['errorRate'],
  });

export type SimulatedSaasSettings = z.infer<typeof simulatedSaasSettingsSchema>;
export type SimulatedSaasSettingsInput = z.input<typeof simulatedSaasSettingsSchema>;
export type SimulatedEntitlement = z.infer<typeof simulatedEntitlementSchema>;

/** Validated settings, or a non-retryable `invalid` ConnectorError saying what is wrong. */
export function parseSimulatedSaasSettings(input: unknown): SimulatedSaasSettings {
  const parsed = simulatedSaasSettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConnectorError('invalid', `invalid simulated SaaS settings: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  return parsed.data;
}
