import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Transform, type TransformCallback } from 'node:stream';
import { CORRELATION_HEADER, type Logger } from '@tenure/platform';
import type { Request, RequestHandler, Response } from 'express';
import type { ErrorBody } from './error-bodies';

export interface ForwardOptions {
  /** The service's base URL (e.g. `http://127.0.0.1:4101`); undefined while it is not known yet. */
  readonly target: () => URL | undefined;
  /** Largest accepted request body in bytes; larger ones get 413 without reaching the service. */
  readonly bodyLimitBytes: number;
  /** The error body in the forwarded protocol's own shape (SCIM's, the webhook's). */
  readonly errorBody: ErrorBody;
  readonly logger: Logger;
}

/** Per RFC 9110 §7.6.1 these describe one connection, not the message: never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'upgrade']);

/**
 * Streams a request to a service and its answer back, as they are: method, path and query,
 * headers (Authorization included; Host kept, so links the service builds point at the gateway),
 * body and status. Adds X-Forwarded-For/-Host/-Proto. Mount it before any body parser.
 */
export function forwardToService(options: ForwardOptions): RequestHandler {
  return (req, res) => {
    const base = options.target();
    if (!base) {
      answerError(res, options, 502, 'the service behind this path is not known to the gateway yet');
      return;
    }
    const declaredLength = Number(req.headers['content-length'] ?? 0);
    if (declaredLength > options.bodyLimitBytes) {
      answerError(res, options, 413, `request body is larger than ${options.bodyLimitBytes} bytes`);
      req.resume();
      return;
    }
    const send = base.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        method: req.method,
        path: `${base.pathname.replace(/\/$/, '')}${req.originalUrl}`,
        headers: forwardedRequestHeaders(req),
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, responseHeaders(answer));
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      options.logger.warn({ err: error, method: req.method, path: req.path }, 'forwarding to the service failed');
      if (res.headersSent) res.destroy(error);
      else answerError(res, options, 502, 'the service behind this path did not answer');
    });
    // A client that goes away mid-request must not leave the service's request open.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req
      .pipe(byteLimit(options.bodyLimitBytes))
      .on('error', () => {
        upstream.destroy();
        answerError(res, options, 413, `request body is larger than ${options.bodyLimitBytes} bytes`);
      })
      .pipe(upstream);
  };
}

/** Parses the gateway's BODY_LIMIT notation (`100kb`, `1mb`, `2048b`). */
export function parseBodyLimit(limit: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(limit);
  if (!match) throw new RangeError(`"${limit}" is not a size such as 100kb or 1mb`);
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2]!.toLowerCase() as 'b' | 'kb' | 'mb'];
  return Number(match[1]) * unit;
}

function forwardedRequestHeaders(req: Request): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
  const client = req.socket.remoteAddress ?? '';
  const earlier = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = earlier ? `${String(earlier)}, ${client}` : client;
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-proto'] = req.protocol;
  // The id the gateway settled on (`correlationMiddleware`), not a client's that it replaced.
  const correlationId = req.res?.getHeader(CORRELATION_HEADER);
  if (typeof correlationId === 'string') headers[CORRELATION_HEADER] = correlationId;
  return headers;
}

function responseHeaders(answer: IncomingMessage): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    // transfer-encoding is re-applied by this server's own framing of the body it streams.
    if (!HOP_BY_HOP.has(name) && name !== 'transfer-encoding' && value !== undefined) headers[name] = value;
  }
  return headers;
}

function answerError(res: Response, options: ForwardOptions, status: number, detail: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const { contentType, body } = options.errorBody(status, detail);
  res.status(status).setHeader('Content-Type', contentType).send(body);
}

/** Passes bytes through until more than `limit` have come, then fails (a chunked body has no Content-Length to check). */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) callback(new RangeError(`request body is larger than ${limit} bytes`));
      else callback(null, chunk);
    },
  });
}
