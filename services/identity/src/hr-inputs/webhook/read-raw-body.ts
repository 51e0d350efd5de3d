import type { NextFunction, Request, Response } from 'express';

/** HR events are small; anything bigger is not one. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads the whole request body into a Buffer on `req.body`. The signature covers the bytes as
 * sent, so they must be kept before any JSON parser turns them into an object (re-serialising the
 * object would not give the same bytes back). Once the body is read, Nest's JSON parser skips it.
 */
export function readRawBody(req: Request, res: Response, next: NextFunction): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  });
  req.on('end', () => {
    if (tooLarge) {
      res.status(413).json({ error: 'body_too_large', message: `the body has ${size} bytes; at most ${MAX_BODY_BYTES} are accepted` });
      return;
    }
    req.body = Buffer.concat(chunks);
    next();
  });
  req.on('error', next);
}
