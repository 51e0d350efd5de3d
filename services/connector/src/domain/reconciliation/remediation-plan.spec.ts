import { automaticRemediation, type DriftFacts } from './remediation-plan';

const orphan: DriftFacts = { kind: 'orphaned-account', identityId: null, identityStatus: null, accountEnabled: true, assignmentId: null };
const leaverAccount: DriftFacts = { ...orphan, identityId: 'id-1', identityStatus: 'terminated' };
const outsideGrant: DriftFacts = {
  kind: 'grant-outside-tenure',
  identityId: 'id-2',
  identityStatus: 'active',
  accountEnabled: true,
  assignmentId: null,
};
const missingGrant: DriftFacts = {
  kind: 'missing-grant',
  identityId: 'id-2',
  identityStatus: 'active',
  accountEnabled: true,
  assignmentId: 'a-1',
};
const attributes: DriftFacts = {
  kind: 'attribute-drift',
  identityId: 'id-2',
  identityStatus: 'active',
  accountEnabled: true,
  assignmentId: null,
};

describe('what the remediation setting does with drift', () => {
  it('given revoke, then every drift becomes the operation that removes it; a leaver’s goes ahead of routine work', () => {
    expect([orphan, leaverAccount, outsideGrant, missingGrant, attributes].map((drift) => automaticRemediation('revoke', drift))).toEqual([
      { kind: 'operation', action: 'disable-account', priority: 'routine' },
      { kind: 'operation', action: 'disable-account', priority: 'leaver' },
      { kind: 'operation', action: 'revoke', priority: 'routine' },
      { kind: 'operation', action: 'grant', priority: 'routine' },
      { kind: 'operation', action: 'update-account', priority: 'routine' },
    ]);
  });

  it('given revoke, when the orphaned account is disabled already, then it is flagged (Tenure does not delete accounts)', () => {
    expect(automaticRemediation('revoke', { ...orphan, accountEnabled: false })).toMatchObject({ kind: 'flag' });
  });

  it('given adopt, then outside grants of known identities are adopted, missing grants granted, attributes corrected, orphans flagged', () => {
    expect(automaticRemediation('adopt', outsideGrant)).toEqual({ kind: 'adopt' });
    expect(automaticRemediation('adopt', missingGrant)).toMatchObject({ kind: 'operation', action: 'grant' });
    expect(automaticRemediation('adopt', attributes)).toMatchObject({ kind: 'operation', action: 'update-account' });
    expect(automaticRemediation('adopt', orphan)).toMatchObject({ kind: 'flag' });
    expect(automaticRemediation('adopt', { ...outsideGrant, identityStatus: 'terminated' })).toMatchObject({
      kind: 'flag',
      reason: expect.stringContaining('never adopted'),
    });
  });

  it('given flag, then nothing is done to the target', () => {
    for (const drift of [orphan, outsideGrant, missingGrant, attributes])
      expect(automaticRemediation('flag', drift)).toMatchObject({ kind: 'flag' });
  });

  it('given a drift seen again, then what was decided stands unless it is still open or had gone', () => {
    expect(automaticRemediation('revoke', outsideGrant, { occurrence: 1, status: 'dismissed', gone: false })).toEqual({
      kind: 'already-handled',
      status: 'dismissed',
    });
    expect(automaticRemediation('revoke', outsideGrant, { occurrence: 1, status: 'open', gone: false })).toMatchObject({
      kind: 'operation',
    });
    expect(automaticRemediation('revoke', outsideGrant, { occurrence: 1, status: 'dismissed', gone: true })).toMatchObject({
      kind: 'operation',
    });
  });
});
