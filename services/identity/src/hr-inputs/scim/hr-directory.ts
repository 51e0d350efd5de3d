import type { HrRecord, HrSource } from '../../domain/hr-record';

/**
 * The port the SCIM layer calls: the identities as HR inputs see them. The application layer
 * implements it on the event store; the SCIM layer only translates protocol to these calls.
 *
 * Errors: implementations throw `DomainError` from `@tenure/event-sourcing`:
 * - `not_found` when the id is unknown;
 * - `conflict` with `details.reason === 'uniqueness'` (and `details.attribute`) for a duplicate
 *   employee number;
 * - `conflict` with `details.reason === 'version_mismatch'`, or `WrongExpectedRevisionError`, when
 *   `expectedVersion` is not the current version;
 * - `validation` for a record the domain rejects, `illegal_state` for a change the identity's
 *   current state forbids (for example changing a terminated identity other than by rehire).
 */
export interface HrDirectory {
  /** One page of identities matching the filter (all identities without one), in a stable order. */
  list(query: DirectoryQuery): Promise<DirectoryPage>;
  /** The identity, or null when the id is unknown. */
  get(id: string): Promise<DirectoryIdentity | null>;
  /**
   * Creates (no `id`) or brings an existing identity in line with `record` (create, replace and
   * patch all end here with the full record). `record.active === false` on a create records a
   * person who has already left; for an existing identity the SCIM layer calls `terminate` instead.
   */
  sync(command: SyncIdentity): Promise<DirectoryIdentity>;
  /** Makes the identity a leaver now (SCIM DELETE or `active: false`). The identity is kept. */
  terminate(command: TerminateIdentity): Promise<DirectoryIdentity>;
}

export interface SyncIdentity {
  /** Null to create an identity; the directory assigns its id. */
  readonly id: string | null;
  readonly record: HrRecord;
  /** The HR system's own identifier for the person (SCIM `externalId`), if it sent one. */
  readonly externalId: string | null;
  /** When given, the change applies only if the identity is still at this version. */
  readonly expectedVersion?: string;
  readonly source: HrSource;
}

export interface TerminateIdentity {
  readonly id: string;
  readonly expectedVersion?: string;
  readonly source: HrSource;
}

export const DIRECTORY_IDENTITY_STATUSES = ['pre_hire', 'active', 'on_leave', 'terminated'] as const;
export type DirectoryIdentityStatus = (typeof DIRECTORY_IDENTITY_STATUSES)[number];

export interface DirectoryIdentity {
  readonly id: string;
  /** Opaque; changes on every recorded change. The SCIM layer shows it as a weak ETag. */
  readonly version: string;
  readonly record: HrRecord;
  readonly externalId: string | null;
  readonly status: DirectoryIdentityStatus;
  readonly created: Date;
  readonly lastModified: Date;
}

export interface DirectoryQuery {
  /** Null: every identity. */
  readonly filter: IdentityFilter | null;
  /** 1-based index of the first identity of the page (SCIM `startIndex`). */
  readonly startIndex: number;
  /** Page size; 0 asks only for the total. */
  readonly count: number;
}

export interface DirectoryPage {
  /** All identities matching the filter, not only this page. */
  readonly totalResults: number;
  readonly identities: readonly DirectoryIdentity[];
}

/** The identity fields a filter can test (SCIM attribute paths are mapped onto these). */
export const IDENTITY_FILTER_FIELDS = [
  'id',
  'externalId',
  'employeeNumber',
  'givenName',
  'familyName',
  'displayName',
  'email',
  'emailType',
  'title',
  'active',
  'department',
  'managerEmployeeNumber',
  'costCenter',
  'organization',
  'division',
  'location',
  'employmentType',
  'startDate',
  'terminationDate',
  'created',
  'lastModified',
] as const;
export type IdentityFilterField = (typeof IDENTITY_FILTER_FIELDS)[number];

export const FILTER_OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le', 'pr'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export interface FilterCondition {
  readonly field: IdentityFilterField;
  readonly operator: FilterOperator;
  /** Absent for `pr`. Strings compare case-insensitively (no SCIM attribute here is caseExact but `id`). */
  readonly value?: string | number | boolean | null;
  readonly negated: boolean;
}

/**
 * A filter in disjunctive normal form: an identity matches when every condition of at least one
 * group holds. This is the shape SCIM filters parse into, and it translates directly to SQL.
 */
export type IdentityFilter = readonly (readonly FilterCondition[])[];
