import { z } from 'zod';

/** What `tenure login` keeps between runs: the tokens and who they are for. Never printed. */
export const storedCredentialsSchema = z.object({
  version: z.literal(1),
  /** The provider that issued the tokens; a refresh goes there. */
  issuer: z.url(),
  /** The gateway signed in for, so later commands reach the same platform without flags. */
  apiUrl: z.url(),
  clientId: z.string().min(1),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  /** When the access token expires (ISO 8601). */
  expiresAt: z.iso.datetime({ offset: true }),
  employeeNumber: z.string().min(1),
  name: z.string().optional(),
  signedInAt: z.iso.datetime({ offset: true }),
});

export type StoredCredentials = z.infer<typeof storedCredentialsSchema>;
