import { driftEventCarriesPersonalData, mapDriftPersonalValues } from './drift-personal-fields';
import { carriesPersonalData, mapPersonalValuesOf } from './personal-values';

const mark = (subject: string, value: unknown) => `<${subject}:${String(value)}>`;
const sealed = { $personal: { key: 'k-1', iv: 'iv', tag: 'tag', data: 'ciphertext' } };

const finding = (overrides: Record<string, unknown>) => ({
  driftId: 'd-1',
  occurrence: 1,
  firstSeen: true,
  applicationId: 'crm',
  kind: 'orphaned-account',
  userName: 'ingrid.nyqvist',
  entitlementKey: null,
  identityId: 'id-1',
  employeeNumber: '1001',
  identityStatus: 'terminated',
  accountEnabled: true,
  assignmentId: null,
  reason: 'employee 1001 was terminated and the account is still enabled',
  differences: [],
  remediation: { kind: 'flag', reason: 'left to an administrator' },
  ...overrides,
});

const detected = (drift: unknown[]) => ({ runId: 'run-1', applicationId: 'crm', drift, detectedAt: '2026-05-10T08:00:00.000Z' });

const decision = {
  driftId: 'd-1',
  occurrence: 1,
  applicationId: 'crm',
  kind: 'grant-outside-tenure',
  userName: 'ingrid.nyqvist',
  entitlementKey: 'group:sales',
  identityId: 'id-1',
  employeeNumber: '1001',
  assignmentId: null,
  detectedInRunId: 'run-1',
  decidedBy: 'administrator',
  comment: 'granted by hand during the migration',
};

describe('personal fields of the reconciliation and drift events', () => {
  it('given drift of two people and an orphan of nobody, when mapped, then each finding is sealed under its own person and the orphan stays clear', () => {
    const attributes = finding({
      driftId: 'd-2',
      kind: 'attribute-drift',
      userName: 'omar.khan',
      identityId: 'id-2',
      employeeNumber: '1002',
      identityStatus: 'active',
      reason: 'the account’s attributes differ from the identity’s (HR is their source)',
      differences: [
        { attribute: 'displayName', expected: 'Omar Khan', actual: 'O. Khan' },
        { attribute: 'email', expected: 'omar.khan@example.com', actual: 'okhan@old.example.com' },
      ],
    });
    const nobody = finding({
      driftId: 'd-3',
      userName: 'svc-backup',
      identityId: null,
      employeeNumber: null,
      identityStatus: null,
      reason: 'no identity has the user name of this account',
    });
    const data = detected([finding({}), attributes, nobody]);

    expect(mapPersonalValuesOf('reconciliation-run-1', 'DriftDetected', data, mark)).toEqual({
      ...data,
      drift: [
        finding({ userName: '<identity-1001:ingrid.nyqvist>' }),
        {
          ...attributes,
          userName: '<identity-1002:omar.khan>',
          differences: [
            { attribute: 'displayName', expected: '<identity-1002:Omar Khan>', actual: '<identity-1002:O. Khan>' },
            { attribute: 'email', expected: '<identity-1002:omar.khan@example.com>', actual: '<identity-1002:okhan@old.example.com>' },
          ],
        },
        nobody,
      ],
    });
  });

  it('given a finding’s reason, when mapped, then it stays clear: it is generated and names employee numbers, never a name or email', () => {
    const mapped = mapDriftPersonalValues('reconciliation-run-1', 'DriftDetected', detected([finding({})]), mark) as {
      drift: { reason: string }[];
    };

    expect(mapped.drift[0]!.reason).toBe('employee 1001 was terminated and the account is still enabled');
  });

  it('given a difference whose actual value the target did not give, when mapped, then null stays null', () => {
    const data = detected([
      finding({ kind: 'attribute-drift', differences: [{ attribute: 'email', expected: 'ingrid@example.com', actual: null }] }),
    ]);

    const mapped = mapDriftPersonalValues('reconciliation-run-1', 'DriftDetected', data, mark) as { drift: { differences: unknown[] }[] };

    expect(mapped.drift[0]!.differences).toEqual([{ attribute: 'email', expected: '<identity-1001:ingrid@example.com>', actual: null }]);
  });

  it('given user names made from the employee number, the erased marker or values already sealed, when mapped, then they stay as they are', () => {
    const data = detected([
      finding({ userName: 'employee-1001' }),
      finding({ userName: 'erased-1001' }),
      finding({ userName: '[erased]', differences: [{ attribute: 'displayName', expected: '[erased]', actual: sealed }] }),
      finding({ userName: sealed }),
    ]);

    expect(mapDriftPersonalValues('reconciliation-run-1', 'DriftDetected', data, mark)).toEqual(data);
  });

  it('given a remediation request or an adoption of a person, when mapped, then the user name is sealed under their key and the comment stays', () => {
    const requested = { ...decision, operationId: 'drift.op-1', action: 'revoke', priority: 'normal', requestedAt: 't' };
    const adopted = { ...decision, adoptionId: 'd-1:1', adoptedAt: 't' };

    expect(mapPersonalValuesOf('drift-d-1', 'DriftRemediationRequested', requested, mark)).toEqual({
      ...requested,
      userName: '<identity-1001:ingrid.nyqvist>',
    });
    expect(mapPersonalValuesOf('drift-d-1', 'DriftAdopted', adopted, mark)).toEqual({
      ...adopted,
      userName: '<identity-1001:ingrid.nyqvist>',
    });
  });

  it('given decisions that name nobody (an orphan, a request recorded before the employee number), when mapped, then they are untouched', () => {
    const orphan = { ...decision, identityId: null, employeeNumber: null };
    const { employeeNumber: _employeeNumber, ...older } = decision;

    expect(mapDriftPersonalValues('drift-d-1', 'DriftRemediationRequested', orphan, mark)).toBe(orphan);
    expect(mapDriftPersonalValues('drift-d-1', 'DriftRemediationRequested', older, mark)).toBe(older);
  });

  it('given drift events in other streams, or other drift events, when mapped, then they are untouched', () => {
    const data = detected([finding({})]);
    const dismissed = { driftId: 'd-1', occurrence: 1, applicationId: 'crm', comment: 'Ingrid said so', dismissedAt: 't' };

    expect(mapDriftPersonalValues('operation-op-1', 'DriftDetected', data, mark)).toBe(data);
    expect(mapDriftPersonalValues('reconciliation-run-1', 'DriftAdopted', decision, mark)).toBe(decision);
    expect(mapPersonalValuesOf('drift-d-1', 'DriftDismissed', dismissed, mark)).toBe(dismissed);
    expect(driftEventCarriesPersonalData('DriftDismissed')).toBe(false);
    expect(driftEventCarriesPersonalData('ReconciliationCompleted')).toBe(false);
  });

  it('given the three drift events, when asked, then the vault reveals them (they carry personal data)', () => {
    for (const type of ['DriftDetected', 'DriftRemediationRequested', 'DriftAdopted']) expect(carriesPersonalData(type)).toBe(true);
  });
});
