import type { Actor } from '@tenure/event-sourcing';

/**
 * How an event of any context reads in an audit trail: its context, its actor's kind, its reason
 * and policy version where it carries them, and a one-line summary. Pure; identity events are
 * summarised by the identity timeline's own wording (passed in), the others here.
 */

export type AuditContext = 'identity' | 'policy' | 'workflow' | 'connector' | 'platform';
export type AuditActorKind = 'person' | 'administrator-token' | 'service' | 'hr-feed' | 'system';

export interface AuditEventData {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
}

/** Stream prefixes of each context (see libs/contracts and each service's *-streams.ts). */
const CONTEXT_PREFIXES: readonly (readonly [string, AuditContext])[] = [
  ['identity-', 'identity'],
  ['hr-import-', 'identity'],
  ['hr-feed-guard-', 'identity'],
  ['policy-set', 'policy'],
  ['sod-violations-', 'policy'],
  ['sod-exception-', 'policy'],
  ['assignments-', 'workflow'],
  ['access-request-', 'workflow'],
  ['review-campaign-', 'workflow'],
  ['operation-', 'connector'],
  ['application-', 'connector'],
  ['catalog-', 'connector'],
  ['drift-', 'connector'],
  ['reconciliation-', 'connector'],
  ['kill-switch-', 'connector'],
];

/** The context that wrote the stream; `platform` for a stream no context claims (tests, tools). */
export function contextOfStream(streamId: string): AuditContext {
  return CONTEXT_PREFIXES.find(([prefix]) => streamId.startsWith(prefix))?.[1] ?? 'platform';
}

/** The administrator API token acts as the person `admin-token` (ADMIN_TOKEN_ACTOR): shown as what it is. */
export function actorKindOf(actor: Actor): AuditActorKind {
  if (actor.kind === 'person') return actor.id === 'admin-token' ? 'administrator-token' : 'person';
  return actor.kind;
}

type Data = Readonly<Record<string, unknown>>;

/** The reason the event gives for itself: a reason, a reviewer's or approver's comment, a justification. */
export function reasonOf(event: AuditEventData): string | null {
  const data = asData(event.data);
  for (const field of ['reason', 'justification', 'comment', 'legalReference']) {
    const value = data[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  const reasons = data['reasons'];
  if (Array.isArray(reasons) && reasons.length > 0) return reasons.filter((reason) => typeof reason === 'string').join('; ');
  return null;
}

/** The published policy version the event (or the source it records) was decided under; null when none applied. */
export function policyVersionOf(event: AuditEventData): number | null {
  const data = asData(event.data);
  if (event.type === 'PolicyPublished' && typeof data['version'] === 'number') return data['version'];
  if (typeof data['policyVersion'] === 'number') return data['policyVersion'];
  const source = asData(data['source']);
  return typeof source['policyVersion'] === 'number' ? source['policyVersion'] : null;
}

/** One line that says what happened, e.g. "Revoked salesforce / admin (review)". */
export function summaryOf(event: AuditEventData): string {
  const data = asData(event.data);
  const what = subjectText(data);
  switch (event.type) {
    case 'AssignmentAdded':
      return `Assigned ${what} (${text(asData(data['source'])['kind']) ?? 'no source'})`;
    case 'AssignmentRevoked':
      return `Revoked ${what} (${text(data['reason']) ?? 'no reason'})`;
    case 'AssignmentProvisioned':
      return `Provisioning acknowledged${until(data['validUntil'])}`;
    case 'AssignmentRevocationAcknowledged':
      return 'Revocation acknowledged by the target';
    case 'AssignmentProvisioningFailed':
      return `${text(data['action']) ?? 'Change'} failed: ${text(data['message']) ?? text(data['errorKind']) ?? 'unknown error'}`;
    case 'AssignmentExtended':
      return `Extended${until(data['validUntil'])}`;
    case 'AssignmentBlocked':
      return `Blocked ${what} by separation of duties`;
    case 'ReviewCampaignStarted':
      return `Review campaign "${text(data['name']) ?? ''}" started with ${Array.isArray(data['items']) ? data['items'].length : 0} items`;
    case 'ReviewItemDecided':
      return `Review decision: ${text(data['decision']) ?? 'unknown'}`;
    case 'ReviewItemWithdrawn':
      return 'Review item withdrawn: the person left';
    case 'ReviewCampaignClosed':
      return `Review campaign closed (${text(data['reason']) ?? ''})`;
    case 'AccessRequested':
      return `Requested ${what}`;
    case 'AccessGranted':
      return `Access granted: ${what}`;
    case 'OperationRequested':
      return `${sentence(text(data['action'])?.replace(/-/g, ' ') ?? 'operation')} requested in ${what}`;
    case 'OperationFailed':
      return `Operation failed in ${what}: ${text(data['message']) ?? text(data['errorKind']) ?? 'unknown error'}`;
    case 'PolicyPublished':
      return `Policy version ${String(data['version'])} published`;
    default:
      return what === '' ? words(event.type) : `${words(event.type)}: ${what}`;
  }
}

function subjectText(data: Data): string {
  const application = text(data['applicationId']);
  const entitlement = text(data['entitlementKey']);
  if (application && entitlement) return `${application} / ${entitlement}`;
  return application ?? '';
}

function until(validUntil: unknown): string {
  return typeof validUntil === 'string' ? ` until ${validUntil}` : '';
}

/** "EntitlementRevoked" → "Entitlement revoked". */
function words(type: string): string {
  return sentence(type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function asData(value: unknown): Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
