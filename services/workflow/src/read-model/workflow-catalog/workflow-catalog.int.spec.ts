import { TestClock } from '@tenure/testing';
import { annotateEntitlement, changeApplicationOwner, discoverEntitlement, registerApplication } from '../../testing/catalog-events';
import { startWorkflowHarness, type WorkflowHarness } from '../../testing/workflow-harness';
import { applicationOwnerOf, catalogEntitlement } from './workflow-catalog.queries';

describe('workflow catalog copy', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness(new TestClock(new Date('2026-06-01T09:00:00Z')));
  });
  afterAll(() => harness.stop());

  it('given a registered application whose owner changed, when its owner is asked, then it is the new owner; unknown ones have none', async () => {
    await registerApplication(harness.store, 'erp', '2001');
    await changeApplicationOwner(harness.store, 'erp', '2002');
    await harness.runtime.readModelsCaughtUp();

    expect(await applicationOwnerOf(harness.database.pool, 'erp')).toBe('2002');
    expect(await applicationOwnerOf(harness.database.pool, 'nowhere')).toBeNull();
  });

  it('given a discovered entitlement, when it is annotated, then the annotation wins and the discovered name is the fallback', async () => {
    await registerApplication(harness.store, 'crm', '3001');
    await discoverEntitlement(harness.store, 'crm', 'admin', 'CRM administrators');
    await discoverEntitlement(harness.store, 'crm', 'reader', 'CRM readers');
    await harness.runtime.readModelsCaughtUp();

    expect(await catalogEntitlement(harness.database.pool, 'crm', 'admin')).toEqual({
      applicationId: 'crm',
      entitlementKey: 'admin',
      displayName: 'CRM administrators',
      risk: null,
      ownerEmployeeNumber: null,
      applicationOwnerEmployeeNumber: '3001',
      requestable: null,
    });

    await annotateEntitlement(harness.store, 'crm', 'admin', {
      displayName: 'CRM admin',
      ownerEmployeeNumber: '3002',
      risk: 'high',
      requestable: true,
    });
    await annotateEntitlement(harness.store, 'crm', 'reader', { risk: 'low' });
    await harness.runtime.readModelsCaughtUp();

    expect(await catalogEntitlement(harness.database.pool, 'crm', 'admin')).toMatchObject({
      displayName: 'CRM admin',
      risk: 'high',
      ownerEmployeeNumber: '3002',
      requestable: true,
    });
    expect(await catalogEntitlement(harness.database.pool, 'crm', 'reader')).toMatchObject({
      displayName: 'CRM readers',
      risk: 'low',
      requestable: false,
    });
    expect(await catalogEntitlement(harness.database.pool, 'crm', 'unknown')).toBeNull();
  });
});
