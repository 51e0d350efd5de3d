import { signatureHeader, verifySignature, type SignedDelivery } from './hr-webhook-signature';

const SECRET = 'whsec-current-0123456789abcdef';
const PREVIOUS_SECRET = 'whsec-previous-0123456789abcdef';
const NOW = new Date('2026-05-04T10:00:00Z');
const T = NOW.getTime() / 1000;
const BODY = Buffer.from('{"eventId":"evt-1","type":"terminate","employeeNumber":"1001","effectiveDate":null}');

function delivery(overrides: Partial<SignedDelivery> = {}): SignedDelivery {
  return { header: signatureHeader(SECRET, T, BODY), rawBody: BODY, secrets: [SECRET], now: NOW, ...overrides };
}

describe('HR webhook signature', () => {
  it('accepts a body signed with the configured secret', () => {
    expect(verifySignature(delivery())).toEqual({ ok: true });
  });

  it('accepts a body signed with any configured secret, so a secret can be rotated', () => {
    const header = signatureHeader(PREVIOUS_SECRET, T, BODY);
    expect(verifySignature(delivery({ header, secrets: [SECRET, PREVIOUS_SECRET] }))).toEqual({ ok: true });
  });

  it('accepts a header that carries one signature per secret and an unknown scheme beside v1', () => {
    const other = signatureHeader(PREVIOUS_SECRET, T, BODY).split(',')[1];
    const header = `${signatureHeader(SECRET, T, BODY)},${other},v2=future-scheme`;
    expect(verifySignature(delivery({ header, secrets: [PREVIOUS_SECRET] }))).toEqual({ ok: true });
  });

  it('refuses a delivery without the header', () => {
    expect(verifySignature(delivery({ header: undefined }))).toMatchObject({ ok: false, reason: 'missing_signature' });
    expect(verifySignature(delivery({ header: '  ' }))).toMatchObject({ ok: false, reason: 'missing_signature' });
  });

  it.each([
    ['no timestamp', 'v1=' + 'a'.repeat(64), 'has no timestamp'],
    ['no signature', `t=${T}`, 'has no v1 signature'],
    ['a timestamp that is not a number', `t=yesterday,v1=${'a'.repeat(64)}`, 'not a number of seconds'],
    ['a signature that is not hex SHA-256', `t=${T},v1=abc`, 'not 64 hexadecimal characters'],
    ['no key=value pairs', 'sha256=', 'has no timestamp'],
    ['garbage', 'garbage', 'is not a list of key=value pairs'],
    ['two timestamps', `t=${T},t=${T},v1=${'a'.repeat(64)}`, 'more than one timestamp'],
  ])('refuses a header with %s, saying what is wrong', (_, header, problem) => {
    const check = verifySignature(delivery({ header }));
    expect(check).toMatchObject({ ok: false, reason: 'malformed_signature' });
    expect(check.ok === false && check.message).toContain(problem);
  });

  it('accepts a timestamp up to five minutes away and refuses one further away, in either direction', () => {
    const at = (seconds: number) => delivery({ header: signatureHeader(SECRET, seconds, BODY) });
    expect(verifySignature(at(T - 300))).toEqual({ ok: true });
    expect(verifySignature(at(T + 300))).toEqual({ ok: true });
    expect(verifySignature(at(T - 301))).toMatchObject({
      ok: false,
      reason: 'stale_timestamp',
      message: expect.stringContaining('301 s old'),
    });
    expect(verifySignature(at(T + 301))).toMatchObject({
      ok: false,
      reason: 'stale_timestamp',
      message: expect.stringContaining('in the future'),
    });
  });

  it('refuses a signature made with another secret, over another body, or for another timestamp', () => {
    expect(verifySignature(delivery({ secrets: ['some-other-secret-0123456789'] }))).toMatchObject({ reason: 'signature_mismatch' });
    expect(verifySignature(delivery({ rawBody: Buffer.from(BODY.toString().replace('1001', '1002')) }))).toMatchObject({
      reason: 'signature_mismatch',
    });
    const replayedWithNewTimestamp = signatureHeader(SECRET, T, BODY).replace(`t=${T}`, `t=${T + 1}`);
    expect(verifySignature(delivery({ header: replayedWithNewTimestamp }))).toMatchObject({ reason: 'signature_mismatch' });
  });

  it('refuses everything when no secret is configured', () => {
    expect(verifySignature(delivery({ secrets: [] }))).toMatchObject({ reason: 'signature_mismatch' });
  });

  it('never repeats the header, the signature or a secret in its message', () => {
    const header = signatureHeader('wrong-secret-0123456789abcdef', T, BODY);
    const check = verifySignature(delivery({ header }));
    const message = check.ok ? '' : check.message;
    expect(message).not.toContain(header.split('v1=')[1]);
    expect(message).not.toContain(SECRET);
  });
});
