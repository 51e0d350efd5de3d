import { runChaos } from './chaos-run';
import { planFrom, seedFrom } from './plan';
import { describeReport } from './report';

// The crash and fault suite (issue 9). `npm test` runs the reduced plan (CI); `npm run test:chaos`
// the full one. Needs every service and the gateway built (the test target builds them first).
const plan = planFrom(process.env);
const seed = seedFrom(process.env);
jest.setTimeout(plan.name === 'full' ? 3_600_000 : 1_500_000);

describe(`chaos: a mixed workload while service instances are killed and targets fail (${plan.name})`, () => {
  it('loses no effect, duplicates none, and misses no revocation', async () => {
    const say = (line: string): void => void process.stdout.write(`[chaos] ${line}\n`);
    say(`seed ${seed}, plan ${plan.name}`);

    const report = await runChaos(plan, seed, say);

    say(describeReport(report));
    expect(report.kills).toBeGreaterThan(0);
    expect(report.injectedFaultsTotal).toBeGreaterThan(0);
    expect(report.findings.counts()).toEqual({ lost_effects: 0, duplicated_effects: 0, missed_revocations: 0, other_problems: 0 });
  });
});
