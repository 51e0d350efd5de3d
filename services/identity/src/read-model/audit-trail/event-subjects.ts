/**
 * What an event concerns: the identities, applications and entitlements it names, wherever its
 * context put them (at the top of the data, in an assignment, an operation, a review item...).
 * Pure: the projection supplies what earlier events taught it about references.
 */

/** One thing an event concerns; an entitlement is an application plus a key. */
export interface EventSubject {
  readonly identityId: string | null;
  readonly applicationId: string | null;
  readonly entitlementKey: string | null;
}

/**
 * Ids that stand for a subject once an earlier event named it in full: a review decision or a
 * provisioning acknowledgement names only the assignment, a request step only the request.
 */
export type ReferenceKind = 'assignment' | 'operation' | 'request' | 'task' | 'review-item';

export interface SubjectReference {
  readonly kind: ReferenceKind;
  readonly id: string;
}

export interface EventForSubjects {
  readonly streamId: string;
  readonly data: unknown;
}

/** What was found in one event: its subjects, and references it named in full (to remember for later events). */
export interface FoundSubjects {
  readonly subjects: readonly EventSubject[];
  readonly learned: readonly { readonly reference: SubjectReference; readonly subject: EventSubject }[];
}

export type KnownReferences = (reference: SubjectReference) => EventSubject | undefined;

const REFERENCE_FIELDS: readonly (readonly [string, ReferenceKind])[] = [
  ['assignmentId', 'assignment'],
  ['operationId', 'operation'],
  ['requestId', 'request'],
  ['taskId', 'task'],
];
/** Deeper than any event's nesting today; a bound so a strange payload cannot make the walk expensive. */
const MAX_DEPTH = 6;

export function referenceKey(reference: SubjectReference): string {
  return `${reference.kind}:${reference.id}`;
}

/** The references named anywhere in the event, to load what is known about them before a batch. */
export function referencesIn(event: EventForSubjects): SubjectReference[] {
  const found: SubjectReference[] = [];
  walk(event.data, null, 0, (node, campaignId) => found.push(...referencesOf(node, campaignId)));
  return found;
}

export function subjectsOf(event: EventForSubjects, known: KnownReferences): FoundSubjects {
  const subjects: EventSubject[] = [];
  const learned: { reference: SubjectReference; subject: EventSubject }[] = [];
  const fromStream = streamSubject(event.streamId);
  if (fromStream) subjects.push(fromStream);
  const catalogStream = event.streamId.startsWith('catalog-');
  walk(event.data, null, 0, (node, campaignId) => {
    const references = referencesOf(node, campaignId);
    let subject = ownSubject(node, catalogStream);
    for (const reference of references) subject = filledFrom(subject, known(reference));
    if (subject.identityId !== null) {
      for (const reference of references) learned.push({ reference, subject });
    }
    if (subject.identityId !== null || subject.applicationId !== null) subjects.push(subject);
  });
  return { subjects: distinctSubjects(subjects), learned };
}

/** Streams named after their subject: an identity's assignments, an application and its catalog. */
function streamSubject(streamId: string): EventSubject | null {
  if (streamId.startsWith('assignments-'))
    return { identityId: streamId.slice('assignments-'.length), applicationId: null, entitlementKey: null };
  for (const prefix of ['application-', 'catalog-']) {
    if (streamId.startsWith(prefix)) return { identityId: null, applicationId: streamId.slice(prefix.length), entitlementKey: null };
  }
  return null;
}

type Node = Readonly<Record<string, unknown>>;

function walk(value: unknown, campaignId: string | null, depth: number, visit: (node: Node, campaignId: string | null) => void): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const element of value) walk(element, campaignId, depth + 1, visit);
    return;
  }
  const node = value as Node;
  const scope = text(node['campaignId']) ?? campaignId;
  visit(node, scope);
  for (const child of Object.values(node)) walk(child, scope, depth + 1, visit);
}

function ownSubject(node: Node, catalogStream: boolean): EventSubject {
  const applicationId = text(node['applicationId']);
  // The catalog names an application's entitlement by `key`.
  const entitlementKey = text(node['entitlementKey']) ?? (catalogStream && applicationId !== null ? text(node['key']) : null);
  return { identityId: text(node['identityId']), applicationId, entitlementKey };
}

function referencesOf(node: Node, campaignId: string | null): SubjectReference[] {
  const references: SubjectReference[] = [];
  for (const [field, kind] of REFERENCE_FIELDS) {
    const id = text(node[field]);
    if (id !== null) references.push({ kind, id });
  }
  const itemId = text(node['itemId']);
  if (itemId !== null && campaignId !== null) references.push({ kind: 'review-item', id: `${campaignId}/${itemId}` });
  return references;
}

function filledFrom(subject: EventSubject, known: EventSubject | undefined): EventSubject {
  if (!known) return subject;
  return {
    identityId: subject.identityId ?? known.identityId,
    applicationId: subject.applicationId ?? known.applicationId,
    entitlementKey:
      subject.entitlementKey ??
      (subject.applicationId === null || subject.applicationId === known.applicationId ? known.entitlementKey : null),
  };
}

function distinctSubjects(subjects: readonly EventSubject[]): EventSubject[] {
  const byKey = new Map<string, EventSubject>();
  for (const subject of subjects) byKey.set(JSON.stringify([subject.identityId, subject.applicationId, subject.entitlementKey]), subject);
  return [...byKey.values()];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
