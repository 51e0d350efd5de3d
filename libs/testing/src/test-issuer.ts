import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

export interface TokenOptions {
  readonly claims?: JWTPayload;
  readonly audience?: string;
  readonly issuer?: string;
  /** Seconds from now; negative for a token that has expired. */
  readonly expiresIn?: number;
  /** Sign with a key the issuer never published (a forgery with the same key id). */
  readonly forged?: boolean;
}

/**
 * A minimal OpenID issuer for gateway tests: a discovery document and a JWKS on a real HTTP port, and
 * tokens signed with its RS256 key, or deliberately wrong ones (expired, forged, another audience).
 * Sign-in itself is tested against the development provider; this issuer is for what that one never issues, and for benchmarks.
 */
export class TestIssuer {
  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly key: KeyLike,
    private readonly forgeryKey: KeyLike,
  ) {}

  static async start(): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const forgery = await generateKeyPair('RS256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }] };
    let issuer = '';
    const server = createServer((request, response) => {
      const body =
        request.url === '/.well-known/openid-configuration'
          ? { issuer, jwks_uri: `${issuer}/jwks` }
          : request.url === '/jwks'
            ? jwks
            : null;
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? { error: 'not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new TestIssuer(server, issuer, privateKey, forgery.privateKey);
  }

  token(employeeNumber: string, options: TokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ employee_number: employeeNumber, ...options.claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setSubject(`subject-of-${employeeNumber}`)
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? 'tenure-api')
      .setIssuedAt(now - 60)
      .setExpirationTime(now + (options.expiresIn ?? 600))
      .sign(options.forged ? this.forgeryKey : this.key);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
