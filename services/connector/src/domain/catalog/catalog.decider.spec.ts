import { deciderSpec } from '@tenure/testing';
import { catalogDecider } from './catalog.decider';
import type { FoundEntitlement } from './catalog.commands';
import type { CatalogEvent } from './catalog.events';

const now = new Date('2026-05-10T08:00:00Z');
const at = now.toISOString();
const spec = deciderSpec(catalogDecider);

const admins: FoundEntitlement = { key: 'admins', displayName: 'Administrators', description: 'Full access', kind: 'group' };
const readers: FoundEntitlement = { key: 'readers', displayName: 'Readers', description: null, kind: 'group' };
const discover = (...found: FoundEntitlement[]) => ({ type: 'RecordDiscovery', data: { applicationId: 'crm', found, now } }) as const;
const discovered = (entitlement: FoundEntitlement): CatalogEvent => ({
  type: 'EntitlementDiscovered',
  data: { applicationId: 'crm', ...entitlement, discoveredAt: at },
});
const vanished = (key: string): CatalogEvent => ({ type: 'EntitlementVanished', data: { applicationId: 'crm', key, vanishedAt: at } });
const annotate = (changes: object, key = 'admins') =>
  ({ type: 'AnnotateEntitlement', data: { applicationId: 'crm', key, changes, now } }) as const;

describe('an application’s entitlement catalog', () => {
  it('given an empty catalog, when the target lists entitlements, then each is discovered once', () => {
    spec
      .given([])
      .when(discover(admins, readers, admins))
      .then([discovered(admins), discovered(readers)]);
  });

  it('given a discovered catalog, when the target lists the same entitlements again, then nothing is recorded', () => {
    spec
      .given([discovered(admins), discovered(readers)])
      .when(discover(readers, admins))
      .then([]);
  });

  it('given a discovered catalog, when an entitlement is no longer listed, then it vanished; when it is back, then it is discovered again', () => {
    spec
      .given([discovered(admins), discovered(readers)])
      .when(discover(readers))
      .then([vanished('admins')]);
    spec
      .given([discovered(admins), discovered(readers), vanished('admins')])
      .when(discover(readers))
      .then([]);
    spec
      .given([discovered(admins), vanished('admins')])
      .when(discover(admins))
      .then([discovered(admins)]);
  });

  it('given a discovered entitlement, when annotated, then the whole annotation is recorded with its currency', () => {
    spec
      .given([discovered(admins)])
      .when(annotate({ risk: 'high', licenseCost: 12.5, ownerEmployeeNumber: '10005', requestable: true, displayName: ' CRM admins ' }))
      .then([
        {
          type: 'EntitlementAnnotated',
          data: {
            applicationId: 'crm',
            key: 'admins',
            displayName: 'CRM admins',
            description: null,
            ownerEmployeeNumber: '10005',
            risk: 'high',
            licenseCost: 12.5,
            requestable: true,
            currency: 'EUR',
            annotatedAt: at,
          },
        },
      ]);
  });

  it('given an annotated entitlement, when annotated with one field, then the others stay; the same annotation records nothing', () => {
    spec
      .given([discovered(admins)])
      .when(annotate({ risk: 'high', requestable: true }))
      .then([expect.objectContaining({ type: 'EntitlementAnnotated' })] as never);
    const annotated: CatalogEvent = {
      type: 'EntitlementAnnotated',
      data: {
        applicationId: 'crm',
        key: 'admins',
        displayName: null,
        description: null,
        ownerEmployeeNumber: null,
        risk: 'high',
        licenseCost: null,
        requestable: true,
        currency: 'EUR',
        annotatedAt: at,
      },
    };
    spec
      .given([discovered(admins), annotated])
      .when(annotate({ licenseCost: 3 }))
      .then([{ ...annotated, data: { ...annotated.data, licenseCost: 3 } } as CatalogEvent]);
    spec
      .given([discovered(admins), annotated])
      .when(annotate({ risk: 'high', licenseCost: undefined }))
      .then([]);
  });

  it('given an entitlement, when annotated with a negative or non-finite cost, then the cost is refused', () => {
    for (const licenseCost of [-1, Number.POSITIVE_INFINITY, Number.NaN]) {
      spec
        .given([discovered(admins)])
        .when(annotate({ licenseCost }))
        .thenThrows({ code: 'validation', details: { field: 'licenseCost' } });
    }
  });

  it('given no such entitlement, when annotated, then it is not found; a vanished one is an illegal state', () => {
    spec
      .given([discovered(admins)])
      .when(annotate({ risk: 'low' }, 'nope'))
      .thenThrows({ code: 'not_found' });
    spec
      .given([discovered(admins), vanished('admins')])
      .when(annotate({ risk: 'low' }))
      .thenThrows({ code: 'illegal_state' });
  });
});
