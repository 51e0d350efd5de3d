import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a sender signs every delivery with: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const SIGNATURE_HEADER = 'Tenure-Signature';

/** A signature older or newer than this is refused, so a captured delivery cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export type SignatureFailure = 'missing_signature' | 'malformed_signature' | 'stale_timestamp' | 'signature_mismatch';

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: SignatureFailure; readonly message: string };

export interface SignedDelivery {
  /** The header's value, or undefined when the sender sent none. */
  readonly header: string | undefined;
  /** The body exactly as received: the signature covers bytes, not the parsed JSON. */
  readonly rawBody: Buffer;
  /** Every accepted secret; more than one while a secret is being rotated. */
  readonly secrets: readonly string[];
  readonly now: Date;
}

interface ParsedHeader {
  readonly timestamp: number;
  readonly signatures: readonly Buffer[];
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Checks a delivery's signature. Several `v1=` entries are accepted (a sender rotating its secret
 * may sign with both); unknown keys are ignored so a later scheme can be added beside v1.
 * Messages never contain the header, a signature or a secret.
 */
export function verifySignature(delivery: SignedDelivery): SignatureCheck {
  if (delivery.header === undefined || delivery.header.trim() === '') {
    return failure('missing_signature', `the ${SIGNATURE_HEADER} header is missing`);
  }
  const parsed = parseHeader(delivery.header);
  if (typeof parsed === 'string') return failure('malformed_signature', `the ${SIGNATURE_HEADER} header ${parsed}`);

  const ageSeconds = Math.floor(delivery.now.getTime() / 1000) - parsed.timestamp;
  if (Math.abs(ageSeconds) > SIGNATURE_TOLERANCE_SECONDS) {
    return failure(
      'stale_timestamp',
      `the signature's timestamp is ${Math.abs(ageSeconds)} s ${ageSeconds > 0 ? 'old' : 'in the future'}; at most ${SIGNATURE_TOLERANCE_SECONDS} s are accepted`,
    );
  }

  const expected = delivery.secrets.map((secret) => hmac(secret, parsed.timestamp, delivery.rawBody));
  const matches = parsed.signatures.some((signature) => expected.some((candidate) => timingSafeEqual(candidate, signature)));
  return matches ? { ok: true } : failure('signature_mismatch', 'the signature does not match the body with any configured secret');
}

/** The header value a sender sends: what tests, tools and the documentation's example use. */
export function signatureHeader(secret: string, timestampSeconds: number, rawBody: Buffer | string): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return `t=${timestampSeconds},v1=${hmac(secret, timestampSeconds, body).toString('hex')}`;
}

function hmac(secret: string, timestampSeconds: number, rawBody: Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`).update(rawBody).digest();
}

/** The parsed header, or what is wrong with it (completing "the header ..."). */
function parseHeader(header: string): ParsedHeader | string {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) return 'is not a list of key=value pairs (expected t=<unix seconds>,v1=<hex HMAC-SHA256>)';
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined) return 'has more than one timestamp (t=)';
      if (!/^\d{1,12}$/.test(value)) return 'has a timestamp (t=) that is not a number of seconds';
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) return 'has a v1 signature that is not 64 hexadecimal characters';
      signatures.push(Buffer.from(value, 'hex'));
    }
  }
  if (timestamp === undefined) return 'has no timestamp (t=)';
  if (signatures.length === 0) return 'has no v1 signature (v1=)';
  return { timestamp, signatures };
}

function failure(reason: SignatureFailure, message: string): SignatureCheck {
  return { ok: false, reason, message };
}
