import { disableOperationId, driftOperationId, grantOperationId, idPart, revokeOperationId } from './operation-ids';

describe('operation ids', () => {
  it('given the same cause, when the id is derived twice, then it is the same id', () => {
    expect(grantOperationId('a-1')).toBe(grantOperationId('a-1'));
    expect(grantOperationId('a-1')).toBe('grant.a-1');
    expect(revokeOperationId('a-1')).toBe('revoke.a-1');
    expect(disableOperationId('crm', 'id-1', 'e-1')).toBe('disable.crm.id-1.e-1');
    expect(driftOperationId('d-1')).toBe('drift.d-1');
  });

  it('given a long part or one with other characters, when the id is derived, then that part is hashed to 32 hex digits', () => {
    expect(idPart('x'.repeat(65))).toMatch(/^[0-9a-f]{32}$/);
    expect(idPart('has space')).toMatch(/^[0-9a-f]{32}$/);
    expect(idPart('with.dot')).not.toBe('with.dot');
    expect(disableOperationId('crm', 'ü', 'e')).toMatch(/^disable\.crm\.[0-9a-f]{32}\.e$/);
  });
});
