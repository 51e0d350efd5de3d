import type { IncomingMessage, ServerResponse } from 'node:http';
import { PAGE_CONTENT_SECURITY_POLICY } from '../pages/html';

const MAX_FORM_BYTES = 16 * 1024;

/** Thrown when a form post is not a small url-encoded form. */
export class UnreadableFormError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'UnreadableFormError';
  }
}

/** The fields of a small application/x-www-form-urlencoded body. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') {
    throw new UnreadableFormError(`expected a form (application/x-www-form-urlencoded), got ${contentType || 'no content type'}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new UnreadableFormError(`the form is larger than ${MAX_FORM_BYTES} bytes`);
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_CONTENT_SECURITY_POLICY,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}
