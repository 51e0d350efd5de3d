import { randomUUID } from 'node:crypto';
import express from 'express';
import type { ErrorRequestHandler, Request, Response, Router } from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import { bearerAuthentication } from './bearer-auth';
import type { HrDirectory } from './hr-directory';
import { scimError, toScimError } from './scim-errors';
import { parseIfMatch } from './scim-request-context';
import type { ScimRequestContext } from './scim-request-context';
import { declareHrUserResource, MAX_PAGE_SIZE } from './scim-user-resource';

/** The structural subset of a pino logger the SCIM layer uses. */
export interface ScimLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ScimRouterOptions {
  readonly directory: HrDirectory;
  /** Accepted bearer tokens (see `parseScimTokens` for env `SCIM_TOKENS`); at least one. Never logged. */
  readonly tokens: readonly string[];
  readonly logger?: ScimLogger;
  /** Origin used in `meta.location` and `Location`, e.g. the gateway's `http://localhost:4000`; else the request's own. */
  readonly publicOrigin?: string;
}

const CONTEXT = 'scimRequestContext';

/**
 * The SCIM 2.0 service provider for HR pushes: Users (with the enterprise and Tenure extensions),
 * /Schemas, /ResourceTypes and /ServiceProviderConfig, behind bearer-token authentication.
 * Mount it at `/scim/v2`.
 */
export function createScimRouter(options: ScimRouterOptions): Router {
  const { directory, logger, publicOrigin } = options;
  declareHrUserResource();
  const router = express.Router();
  router.use(bearerAuthentication(options.tokens));
  router.use(express.json({ type: ['application/scim+json', 'application/json'], limit: '1mb' }), (req, res, next) => {
    pinQueryWithNumericPaging(req);
    const context: ScimRequestContext = {
      directory,
      source: { kind: 'scim', reference: `scim:${req.header('x-request-id') ?? randomUUID()}` },
      ifMatch: parseIfMatch(req.header('if-match')),
      response: res,
      logFailure: (error) => logger?.error({ err: error, method: req.method, path: req.originalUrl }, 'SCIM request failed'),
    };
    res.locals[CONTEXT] = context;
    answerHeldChangesWith202(res, context);
    next();
  });
  // /Me would look the token up as a user; tokens belong to HR feeds, not people.
  router.all('/Me', (_req, _res, next) => next(scimError(501, null, '/Me is not supported: SCIM clients here are HR feeds')));
  router.use(
    new SCIMMYRouters({
      type: 'bearer',
      handler: () => 'hr-feed',
      context: (req: Request) => req.res?.locals[CONTEXT] as ScimRequestContext,
      baseUri: (req: Request) => publicOrigin ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`,
    }),
  );
  configureServiceProvider();
  router.use(scimErrorResponder(logger));
  return router;
}

/** The schema of the body that answers a held change (SCIM defines none for 202). */
export const HELD_CHANGE_SCHEMA = 'urn:tenure:params:scim:api:messages:2.0:HeldChange';

/**
 * SCIMMYRouters sends its own statuses (200, 201, 204); a change the mass-change guard kept is
 * neither applied nor refused, so its answer is replaced by 202 Accepted with the hold id and reasons.
 */
function answerHeldChangesWith202(res: Response, context: ScimRequestContext): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (!context.held) return send(body);
    const { holdId, reasons } = context.held;
    const detail = `accepted but not applied: held for an administrator's confirmation as part of burst ${holdId}`;
    res.status(202).setHeader('Content-Type', 'application/scim+json');
    return send(JSON.stringify({ schemas: [HELD_CHANGE_SCHEMA], status: '202', detail, holdId, reasons }));
  };
}

/**
 * Express 5 computes `req.query` afresh on every access, so SCIMMYRouters' cast of startIndex and
 * count to numbers is lost and SCIMMY ignores paging. Pin one parsed copy with numbers instead.
 */
function pinQueryWithNumericPaging(req: Request): void {
  const query: Record<string, unknown> = { ...req.query };
  for (const name of ['startIndex', 'count']) {
    const value = query[name];
    if (typeof value === 'string' && /^-?\d+$/.test(value)) query[name] = Number(value);
  }
  Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true, enumerable: true });
}

/** SCIMMYRouters advertises bulk and sort and appends its auth scheme on every construction; state what is true. */
function configureServiceProvider(): void {
  SCIMMY.Config.set({ authenticationSchemes: [] });
  SCIMMY.Config.set({
    patch: true,
    bulk: false,
    sort: false,
    etag: true,
    changePassword: false,
    filter: MAX_PAGE_SIZE,
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authorization: Bearer <token>, with a token from the SCIM_TOKENS configuration',
        specUri: 'https://datatracker.ietf.org/doc/html/rfc6750',
      },
    ],
  });
}

/** Errors raised before SCIMMY (bad JSON, /Me), and a log line for the 5xx SCIMMY already answered. */
function scimErrorResponder(logger: ScimLogger | undefined): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const bodyParserType = (error as { type?: unknown }).type;
    const scim =
      bodyParserType === 'entity.parse.failed'
        ? scimError(400, 'invalidSyntax', 'the request body is not valid JSON')
        : toScimError(error, false);
    if (scim.status >= 500 && !(error instanceof SCIMMY.Types.Error))
      logger?.error({ err: error, method: req.method, path: req.originalUrl }, 'SCIM request failed');
    if (res.headersSent) {
      next();
      return;
    }
    res
      .status(scim.status)
      .setHeader('Content-Type', 'application/scim+json')
      .send(JSON.stringify(new SCIMMY.Messages.ErrorResponse(scim)));
  };
}
