import { bulkDecisionSchema, itemDecisionSchema, startCampaignSchema } from './schemas';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('itemDecisionSchema', () => {
  it('given a revoke without a comment, when validated, then the comment is asked for', () => {
    expect(paths(itemDecisionSchema.safeParse({ itemId: 'i', campaignId: 'c', decision: 'REVOKE', comment: '' }))).toEqual(['comment']);
  });

  it('given a keep without a comment, when validated, then it is accepted', () => {
    expect(itemDecisionSchema.safeParse({ itemId: 'i', campaignId: 'c', decision: 'KEEP' }).success).toBe(true);
  });
});

describe('bulkDecisionSchema', () => {
  it('given no selected item, when validated, then the selection is named', () => {
    expect(paths(bulkDecisionSchema.safeParse({ items: [], decision: 'KEEP', comment: '' }))).toEqual(['items']);
  });

  it('given selected items and a revoke with a comment, when validated, then it is accepted', () => {
    expect(bulkDecisionSchema.safeParse({ items: ['i-1|c-1', 'i-2|c-1'], decision: 'REVOKE', comment: 'left the project' }).success).toBe(
      true,
    );
  });
});

describe('startCampaignSchema', () => {
  const base = { name: 'Q4 ERP', reviewer: 'MANAGER', defaultAction: 'REVOKE', deadline: '', reminderHours: '' };

  it('given an entitlement campaign without application and key, when validated, then both fields are named', () => {
    expect(paths(startCampaignSchema.safeParse({ ...base, scopeKind: 'ENTITLEMENT', applicationId: '', entitlementKey: '' }))).toEqual([
      'applicationId',
      'entitlementKey',
    ]);
  });

  it('given a deadline from a datetime-local field, when validated, then it is read as UTC', () => {
    const parsed = startCampaignSchema.parse({
      ...base,
      scopeKind: 'MANAGER',
      managerEmployeeNumber: '10002',
      deadline: '2026-12-10T17:00',
    });
    expect(parsed.deadline).toBe('2026-12-10T17:00:00.000Z');
    expect(parsed.applicationId).toBeUndefined();
  });

  it('given reminders that are not whole hours, when validated, then the field is named', () => {
    expect(
      paths(startCampaignSchema.safeParse({ ...base, scopeKind: 'MANAGER', managerEmployeeNumber: '10002', reminderHours: '1.5' })),
    ).toEqual(['reminderHours']);
  });
});
