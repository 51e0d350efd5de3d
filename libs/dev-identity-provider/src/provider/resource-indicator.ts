/**
 * The resource indicator (RFC 8707) that stands for an audience. oidc-provider accepts only absolute URIs as
 * indicators, so a plain audience like `tenure-api` is named `urn:tenure-api`; the access token's `aud` claim is
 * still the audience itself. Clients need not send it: it is the default resource.
 */
export function resourceIndicatorFor(audience: string): string {
  return URL.canParse(audience) ? audience : `urn:${audience}`;
}
