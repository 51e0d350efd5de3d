import { PersonTokenVerifier } from '@tenure/service-runtime';
import { DEMO_PERSON_TOKEN_SECRET } from '../platform-processes';
import { parsePersonTokenArgs, runPersonToken } from './person-token-cli';

const NOW = new Date('2026-03-02T09:00:00Z');

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPersonToken(argv, env, { out: (line) => out.push(line), err: (line) => err.push(line), now: NOW });
  return { code, out, err };
}

describe('npm run person-token', () => {
  it('given an employee number in development, when run, then it prints a token the demo secret verifies as that person', async () => {
    const { code, out, err } = await run(['E1001'], {});

    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(err.join('\n')).toMatch(/demo secret/);
    expect(await new PersonTokenVerifier(DEMO_PERSON_TOKEN_SECRET, () => NOW).verify(out[0] ?? '')).toEqual({
      kind: 'person',
      employeeNumber: 'E1001',
    });
  });

  it('given PERSON_TOKEN_SECRET and --hours, when run, then the token is signed with it and expires after those hours', async () => {
    const secret = 's'.repeat(32);
    const { out } = await run(['E1001', '--hours', '2'], { NODE_ENV: 'production', PERSON_TOKEN_SECRET: secret });

    const token = out[0] ?? '';
    expect(await new PersonTokenVerifier(secret, () => new Date(NOW.getTime() + 3600_000)).verify(token)).toMatchObject({ kind: 'person' });
    expect(await new PersonTokenVerifier(secret, () => new Date(NOW.getTime() + 3 * 3600_000)).verify(token)).toMatchObject({
      kind: 'refused',
    });
  });

  it('given production without PERSON_TOKEN_SECRET, when run, then it refuses and prints no token', async () => {
    const { code, out, err } = await run(['E1001'], { NODE_ENV: 'production' });

    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/PERSON_TOKEN_SECRET is not set/);
  });

  it('given bad arguments, when parsed, then the problem is named', () => {
    expect(parsePersonTokenArgs([])).toEqual({ problem: 'an employee number is needed' });
    expect(parsePersonTokenArgs(['E1', '--hours', 'zero'])).toEqual({ problem: '--hours needs a positive number' });
    expect(parsePersonTokenArgs(['E1', '--hours', '0.5'])).toEqual({ employeeNumber: 'E1', hours: 0.5 });
  });
});
