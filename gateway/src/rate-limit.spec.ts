import type { Request } from 'express';
import { clientKey } from './rate-limit';

function request(headers: Record<string, string>, ip = '192.0.2.7'): Request {
  return { headers, ip, socket: { remoteAddress: ip } } as unknown as Request;
}

describe('clientKey', () => {
  it('given a bearer token, when keyed, then the key is a hash of the token, the same for each request and not the token', () => {
    const first = clientKey(request({ authorization: 'Bearer secret-token-1' }));
    const again = clientKey(request({ authorization: 'bearer secret-token-1' }, '198.51.100.1'));

    expect(first).toBe(again);
    expect(first).toMatch(/^token:/);
    expect(first).not.toContain('secret-token-1');
  });

  it('given two tokens from one address, when keyed, then they count apart', () => {
    expect(clientKey(request({ authorization: 'Bearer one' }))).not.toBe(clientKey(request({ authorization: 'Bearer two' })));
  });

  it('given no bearer token, when keyed, then the client address is the key', () => {
    expect(clientKey(request({}))).toBe('address:192.0.2.7');
    expect(clientKey(request({ authorization: 'Basic dXNlcjpwYXNz' }))).toBe('address:192.0.2.7');
  });

  it('given an integration acting for two people, when keyed, then each person counts apart, whatever the email’s case', () => {
    const integration = 'Bearer integration-token-of-the-slack-app-0123456789';
    const ada = clientKey(request({ authorization: integration, 'x-tenure-act-as-email': 'ada@example.com' }));
    expect(ada).toBe(clientKey(request({ authorization: integration, 'x-tenure-act-as-email': ' ADA@example.com' })));
    expect(ada).not.toBe(clientKey(request({ authorization: integration, 'x-tenure-act-as-email': 'bob@example.com' })));
    expect(ada).not.toContain('ada@example.com');
    expect(ada.startsWith(clientKey(request({ authorization: integration })))).toBe(true);
  });
});
