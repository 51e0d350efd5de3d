import type { RequestHandler } from 'express';

/** What /scim/v2 answers while no bearer token is configured: a SCIM error, 503, saying so. */
export function scimNotConfigured(): RequestHandler {
  return (_req, res) => {
    res
      .status(503)
      .setHeader('Content-Type', 'application/scim+json')
      .send(
        JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
          status: '503',
          detail: 'the SCIM endpoint is not configured: the identity service has no SCIM_TOKENS',
        }),
      );
  };
}
