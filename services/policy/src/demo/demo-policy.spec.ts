import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  birthrightFor,
  checkSod,
  compilePolicy,
  evaluateRequest,
  validatePolicySet,
  type CompiledPolicy,
  type PolicySubject,
} from '@tenure/policy-decisions';

// The demo policy against the demo company `npm start` loads (services/identity/demo/demo-company.csv, read as data).
const DEMO_POLICY = path.join(__dirname, '../../demo/demo-policy.json');
const DEMO_COMPANY = path.join(__dirname, '../../../identity/demo/demo-company.csv');

function csvFields(line: string): string[] {
  const fields: string[] = [];
  for (const match of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)) fields.push(match[1]?.replace(/""/g, '"') ?? match[2] ?? '');
  return fields;
}

function demoCompany(): PolicySubject[] {
  const [header, ...lines] = readFileSync(DEMO_COMPANY, 'utf8').trim().split('\n');
  const columns = csvFields(header!);
  const rows = lines.map((line) => Object.fromEntries(csvFields(line).map((value, index) => [columns[index]!, value])));
  const managerOf = new Map(rows.map((row) => [row['employee_number']!, row['manager_employee_number'] || null]));
  const chainOf = (employeeNumber: string): string[] => {
    const manager = managerOf.get(employeeNumber) ?? null;
    return manager ? [manager, ...chainOf(manager)] : [];
  };
  return rows.map((row) => ({
    identityId: `id-${row['employee_number']}`,
    employeeNumber: row['employee_number']!,
    status: 'active',
    department: row['department']!,
    title: row['title']!,
    location: row['location']!,
    costCenter: row['cost_center']!,
    employmentType: row['employment_type']!,
    managerEmployeeNumber: row['manager_employee_number'] || null,
    managerChain: chainOf(row['employee_number']!),
    custom: {},
  }));
}

describe('the demo policy over the demo company', () => {
  let policy: CompiledPolicy;
  let people: Map<string, PolicySubject>;
  const now = '2026-05-10T08:00:00.000Z';
  const held = (subject: PolicySubject) => birthrightFor(policy, subject).entitlements.map(({ entitlement }) => ({ entitlement }));
  const keysOf = (employeeNumber: string) =>
    birthrightFor(policy, people.get(employeeNumber)!).entitlements.map(
      ({ entitlement }) => `${entitlement.application}:${entitlement.entitlement}`,
    );
  const request = (employeeNumber: string, application: string, entitlement: string, durationHours: number | null) => {
    const subject = people.get(employeeNumber)!;
    return evaluateRequest(policy, {
      subject,
      requesterEmployeeNumber: employeeNumber,
      entitlement: { application, entitlement },
      durationHours,
      breakGlass: false,
      held: held(subject),
      exceptions: [],
      peers: null,
      now,
    });
  };

  beforeAll(() => {
    const validation = validatePolicySet(JSON.parse(readFileSync(DEMO_POLICY, 'utf8')));
    if (!validation.ok) throw new Error(validation.problems.map((problem) => problem.message).join('\n'));
    policy = compilePolicy({ version: 1, publishedAt: now, publishedBy: 'demo', note: 'demo', policy: validation.policy });
    people = new Map(demoCompany().map((subject) => [subject.employeeNumber, subject]));
  });

  it('uses the demo company: its six departments, everyone with email and chat, each department its own tools', () => {
    expect(new Set([...people.values()].map((subject) => subject.department))).toEqual(
      new Set(['Executive', 'Engineering', 'Sales', 'Marketing', 'Finance', 'People']),
    );
    for (const subject of people.values())
      expect(keysOf(subject.employeeNumber)).toEqual(expect.arrayContaining(['google-workspace:mailbox', 'slack:member']));
    expect(keysOf('10010')).toEqual(expect.arrayContaining(['github:org-member', 'aws-staging:developer', 'aws-staging:admin']));
    expect(keysOf('10038')).toContain('erp:read-only');
    expect(keysOf('10022')).toContain('salesforce:sales-user');
    expect(keysOf('10032')).toEqual(['google-workspace:mailbox', 'slack:member']);
  });

  it('gives nobody an SoD violation at start', () => {
    for (const subject of people.values()) expect(checkSod(policy, subject, held(subject), [], now).violations).toEqual([]);
  });

  it('refuses the extra entitlement that would create one: production deploys for a code reviewer (block), payment approval for procurement (exception needed)', () => {
    const reviewerDeploys = request('10009', 'aws-production', 'deploy', 2);
    expect(reviewerDeploys.allowed).toBe(false);
    expect(reviewerDeploys.sodConflicts).toEqual([expect.objectContaining({ ruleId: 'engineering-deploy-review', blocking: true })]);

    const procurementApproves = request('10042', 'erp', 'payment-approve', 24);
    expect(procurementApproves.allowed).toBe(false);
    expect(procurementApproves.sodConflicts).toEqual([
      expect.objectContaining({ ruleId: 'finance-vendor-payment', action: 'require-exception', blocking: true }),
    ]);
  });

  it('lets an engineer who reviews no code request production deploys for at most 4 hours, approved by the manager then the owner', () => {
    const decision = request('10010', 'aws-production', 'deploy', 8);
    expect(decision).toMatchObject({ allowed: true, policyId: 'production-access', maxDurationHours: 4, grantedDurationHours: 4 });
    expect(decision.approvalChain.map((step) => step.step.kind)).toEqual(['manager', 'entitlement-owner']);
    expect(request('10022', 'aws-production', 'deploy', 2).allowed).toBe(false); // Sales may not request it
  });

  it('falls back to the default policy: 30 days at most, with the manager', () => {
    expect(request('10032', 'figma', 'editor', null)).toMatchObject({
      allowed: true,
      policyId: 'default',
      maxDurationHours: 720,
      grantedDurationHours: 720,
    });
  });
});
