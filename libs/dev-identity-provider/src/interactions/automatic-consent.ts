import type { Provider } from 'oidc-provider';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

interface ConsentDetails {
  readonly missingOIDCScope?: readonly string[];
  readonly missingOIDCClaims?: readonly string[];
  readonly missingResourceScopes?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Grants a first-party client everything its request asked for (scopes, claims, the Tenure API resource): Tenure's
 * own applications do not ask people to consent. Returns the id of the saved grant.
 */
export async function grantRequestedAccess(
  provider: Provider,
  interaction: Interaction,
  accountId: string,
  clientId: string,
): Promise<string> {
  const details = interaction.prompt.details as ConsentDetails;
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  if (details.missingOIDCScope?.length) grant.addOIDCScope([...details.missingOIDCScope]);
  if (details.missingOIDCClaims?.length) grant.addOIDCClaims([...details.missingOIDCClaims]);
  for (const [resource, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, [...scopes]);
  }
  return grant.save();
}
