import { decodeJwt } from 'jose';
import type { DevIdentityProvider } from '../dev-identity-provider';
import { signInWithPassword } from '../sign-in/sign-in-with-password';
import { startProviderUnderTest } from '../testing/provider-under-test';
import { removeScratch, scratchDirectory } from '../testing/scratch-directory';
import { EXIT_REFUSED, EXIT_USAGE, runSignIn } from './sign-in-cli';

let keysDirectory: string;
let provider: DevIdentityProvider;

beforeAll(async () => {
  keysDirectory = await scratchDirectory();
  provider = await startProviderUnderTest(keysDirectory);
});

afterAll(async () => {
  await provider.stop();
  await removeScratch(keysDirectory);
});

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSignIn(argv, env, { out: (line) => out.push(line), err: (line) => err.push(line), signIn: signInWithPassword });
  return { code, out, err };
}

describe('npm run sign-in', () => {
  test('given a demo person, when the CLI signs in, then only their access token is printed on stdout', async () => {
    const result = await run(['10010', '--issuer', provider.issuer]);

    expect(result).toMatchObject({ code: 0, err: [] });
    expect(result.out).toHaveLength(1);
    expect(decodeJwt(result.out[0]!)).toMatchObject({ sub: '10010', aud: 'tenure-api' });
  });

  test('given the issuer and password in the environment, when the CLI signs in by email, then they are used', async () => {
    const result = await run(['sara.lund@example.com'], { OIDC_ISSUER: provider.issuer, IDP_DEMO_PASSWORD: 'tenure-demo' });

    expect(result.code).toBe(0);
    expect(decodeJwt(result.out[0]!)).toMatchObject({ sub: '10047', groups: ['tenure-administrators'] });
  });

  test('given a wrong password, when the CLI signs in, then it prints nothing on stdout, says why on stderr and exits 1', async () => {
    const result = await run(['10010', '--password', 'nope', '--issuer', provider.issuer]);

    expect(result).toEqual({ code: EXIT_REFUSED, out: [], err: ['sign-in refused: Unknown user or wrong password'] });
  });

  test('given bad usage, when the CLI runs, then it prints the usage on stderr and exits 2', async () => {
    for (const argv of [
      [],
      ['10010', '10011'],
      ['10010', '--password'],
      ['10010', '--colour', 'red'],
      ['10010', '--issuer', 'not a url'],
    ]) {
      const result = await run(argv);
      expect(result.code).toBe(EXIT_USAGE);
      expect(result.out).toEqual([]);
      expect(result.err.join('\n')).toContain('usage: npm run sign-in -- <employeeNumber|email>');
    }
  });
});
