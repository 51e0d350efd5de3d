import { randomBytes, randomInt } from 'node:crypto';
import { addAssignment, hire, identityIdOf, waitFor } from '@tenure/testing';
import { ADMIN, TestClock } from '../testing/connector-harness';
import { startReconciliationKit, type ReconciliationKit } from './testing/reconciliation-test-kit';

// Reconciliation against a real target: the PostgreSQL connector on the embedded PostgreSQL, whose
// login roles are accounts and whose group roles are entitlements. Roles are cluster-wide (other
// test files make theirs), so this test looks only at its own, named with a random suffix.

describe('reconciliation of a PostgreSQL application', () => {
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  const suffix = randomBytes(3).toString('hex');
  const prefix = `recon_${suffix}_`;
  const readers = `${prefix}readers`;
  const admins = `${prefix}admins`;
  const employeeNumber = String(randomInt(40_000, 50_000));
  const employee = `p${employeeNumber}`;
  const intruder = `intruder_${suffix}`;
  let kit: ReconciliationKit;

  beforeAll(async () => {
    kit = await startReconciliationKit(clock);
    const { pool } = kit.harness.database;
    for (const statement of [
      `CREATE ROLE ${readers} NOLOGIN`,
      `CREATE ROLE ${admins} NOLOGIN`,
      `CREATE ROLE ${employee} LOGIN`,
      `CREATE ROLE ${intruder} LOGIN`,
      `GRANT ${readers} TO ${employee}`,
      `GRANT ${admins} TO ${employee}`,
      `GRANT ${readers} TO ${intruder}`,
    ]) {
      await pool.query(statement);
    }
    const url = new URL(kit.harness.database.url);
    await kit.harness.runtime.applications.register(
      {
        applicationId: 'finance-db',
        name: 'Finance database',
        connectorType: 'postgresql',
        settings: {
          host: url.hostname,
          port: Number(url.port),
          database: url.pathname.slice(1),
          user: decodeURIComponent(url.username),
          passwordSecret: 'db-password',
          managedRolePrefix: prefix,
        },
        credentials: { 'db-password': decodeURIComponent(url.password) },
        ownerEmployeeNumber: '1',
        enabled: true,
      },
      ADMIN,
    );
    await hire(kit.harness.store, { employeeNumber, department: 'Finance' });
    await addAssignment(kit.harness.store, {
      assignmentId: `a-${suffix}`,
      identityId: identityIdOf(employeeNumber),
      applicationId: 'finance-db',
      entitlementKey: readers,
    });
    await kit.harness.runtime.readModelsCaughtUp();
  });

  afterAll(async () => {
    const pool = kit?.harness.database.pool;
    for (const role of [intruder, employee, admins, readers]) await pool?.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await kit?.harness.stop();
  });

  async function ownDrift() {
    await kit.harness.runtime.readModelsCaughtUp();
    const page = await kit.harness.runtime.reconciliation.queries.drift({ applicationId: 'finance-db', first: 500 });
    return page.items
      .map(({ node }) => node)
      .filter((row) => [employee, intruder].includes(row.userName))
      .map(({ kind, userName, entitlementKey, status }) => ({ kind, userName, entitlementKey, status }));
  }

  async function loginAndMemberships(role: string) {
    const { rows } = await kit.harness.database.pool.query<{ rolcanlogin: boolean; groups: string[] }>(
      `SELECT r.rolcanlogin, ARRAY(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid ORDER BY 1) AS groups
         FROM pg_roles r WHERE r.rolname = $1`,
      [role],
    );
    return rows[0];
  }

  it('given roles made by hand, when reconciled, then the unknown login role is orphaned and the grants nobody assigned are outside Tenure', async () => {
    const outcome = await kit.reconciliation.run('finance-db', { trigger: 'administrator', actor: ADMIN });

    expect(outcome).toMatchObject({ status: 'completed' });
    expect(await ownDrift()).toEqual([
      { kind: 'grant-outside-tenure', userName: intruder, entitlementKey: readers, status: 'open' },
      { kind: 'orphaned-account', userName: intruder, entitlementKey: null, status: 'open' },
      { kind: 'grant-outside-tenure', userName: employee, entitlementKey: admins, status: 'open' },
    ]);
  });

  it('given remediation revoke, when reconciled, then provisioning disables the orphan and revokes the outside grants in PostgreSQL itself', async () => {
    await kit.harness.runtime.applications.configureReconciliation('finance-db', { remediation: 'revoke', scheduleMinutes: null }, ADMIN);
    await kit.reconciliation.run('finance-db', { trigger: 'administrator', actor: ADMIN });

    await waitFor(
      'the remediation in PostgreSQL',
      async () => {
        const [orphan, held] = [await loginAndMemberships(intruder), await loginAndMemberships(employee)];
        return orphan?.rolcanlogin === false && orphan.groups.length === 0 && held?.groups.join() === readers ? true : undefined;
      },
      15_000,
    );
    const outcome = await kit.reconciliation.run('finance-db', { trigger: 'administrator', actor: ADMIN });
    expect(outcome).toMatchObject({ status: 'completed' });
    expect(await ownDrift()).toEqual([
      { kind: 'grant-outside-tenure', userName: intruder, entitlementKey: readers, status: 'remediated' },
      { kind: 'orphaned-account', userName: intruder, entitlementKey: null, status: 'remediated' },
      { kind: 'grant-outside-tenure', userName: employee, entitlementKey: admins, status: 'remediated' },
    ]);
  }, 30_000);
});
