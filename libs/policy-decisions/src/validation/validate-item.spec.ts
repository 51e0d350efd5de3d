import { validateAccessPolicy, validateApproverGroup, validateBirthrightRule, validateRole, validateSodRule } from './validate-item';

describe('single-item validation', () => {
  it('given a valid role, when validated on its own, then it comes back with defaults', () => {
    expect(validateRole({ id: 'chat', name: 'Chat' })).toEqual({
      ok: true,
      value: { id: 'chat', name: 'Chat', description: '', entitlements: [] },
    });
  });

  it('given an item that is not an object, when validated, then the kind is named', () => {
    expect(validateSodRule(5)).toEqual({
      ok: false,
      problems: [{ path: '', kind: 'sodRule', id: null, field: '', message: 'SoD rule without an id: must be an object' }],
    });
  });

  it('given a problem in a single item, when validated on its own, then the path is the field inside the item', () => {
    expect(
      validateBirthrightRule({ id: 'all-staff', name: 'All staff', condition: { op: 'always' }, entitlements: [{ application: 'chat' }] }),
    ).toEqual({
      ok: false,
      problems: [
        {
          path: 'entitlements[0].entitlement',
          kind: 'birthrightRule',
          id: 'all-staff',
          field: 'entitlements[0].entitlement',
          message: 'Birthright rule "all-staff" (All staff): entitlements[0].entitlement is required',
        },
      ],
    });
  });

  it('given an access policy naming a group, when validated on its own, then it is accepted (the set checks that the group exists)', () => {
    const result = validateAccessPolicy({
      id: 'prod',
      name: 'Prod',
      scope: { kind: 'application', application: 'aws' },
      approvalChain: [{ kind: 'group', group: 'sre' }],
    });
    expect(result).toMatchObject({ ok: true, value: { approvalChain: [{ kind: 'group', group: 'sre', approvals: 1 }] } });
  });

  it('given an SoD rule with an entitlement in both sets, when validated on its own, then the overlap is found', () => {
    const result = validateSodRule({
      id: 'deploy-review',
      name: 'Deploy vs review',
      sets: [
        { name: 'Deploy', entitlements: [{ application: 'github', entitlement: 'deploy' }] },
        { name: 'Review', entitlements: [{ application: 'github', entitlement: 'deploy' }] },
      ],
    });
    expect(result.ok).toBe(false);
  });

  it('given an approver group with a blank name, when validated, then the name is required', () => {
    expect(validateApproverGroup({ id: 'sre', name: '  ', members: ['1001'] })).toEqual({
      ok: false,
      problems: [
        { path: 'name', kind: 'approverGroup', id: 'sre', field: 'name', message: 'Approver group "sre": name must not be empty' },
      ],
    });
  });
});
