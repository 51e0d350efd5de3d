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

/**
 * What an event's data names, found by one walk: the projection reads the references of a whole
 * batch first (to load what is known about them) and the subjects afterwards, from the same scan.
 */
export interface ScannedEvent {
  readonly fromStream: EventSubject | null;
  /** Only the nodes naming an identity, an application or a reference: the others concern nothing. */
  readonly nodes: readonly NamingNode[];
}

interface NamingNode {
  readonly own: EventSubject;
  readonly references: readonly SubjectReference[];
  /** `referenceKey` of each reference, computed once. */
  readonly keys: readonly string[];
}

/** A reference named in full, with its `referenceKey`. */
export interface LearnedReference {
  readonly reference: SubjectReference;
  readonly key: string;
  readonly subject: EventSubject;
}

export interface ScannedSubjects {
  readonly subjects: readonly EventSubject[];
  readonly learned: readonly LearnedReference[];
}

export function scanEvent(event: EventForSubjects): ScannedEvent {
  const nodes: NamingNode[] = [];
  collect(event.data, null, 0, event.streamId.startsWith('catalog-'), nodes);
  return { fromStream: streamSubject(event.streamId), nodes };
}

/** The references named anywhere in the event, to load what is known about them before a batch. */
export function referencesIn(event: EventForSubjects): SubjectReference[] {
  return scanEvent(event).nodes.flatMap((node) => node.references);
}

/** Adds the scanned event's references to `into`, by key. */
export function addReferences(scanned: ScannedEvent, into: Map<string, SubjectReference>): void {
  for (const { references, keys } of scanned.nodes) {
    for (let i = 0; i < references.length; i++) into.set(keys[i]!, references[i]!);
  }
}

export function subjectsOf(event: EventForSubjects, known: KnownReferences): FoundSubjects {
  const byKey = new Map<string, SubjectReference>();
  const scanned = scanEvent(event);
  addReferences(scanned, byKey);
  const found = subjectsOfScan(scanned, (key) => known(byKey.get(key)!));
  return { subjects: found.subjects, learned: found.learned.map(({ reference, subject }) => ({ reference, subject })) };
}

/** What `subjectsOf` finds, from a scan, with what is known about references looked up by key. */
export function subjectsOfScan(scanned: ScannedEvent, known: (key: string) => EventSubject | undefined): ScannedSubjects {
  const subjects: EventSubject[] = [];
  const learned: LearnedReference[] = [];
  if (scanned.fromStream) subjects.push(scanned.fromStream);
  for (const { own, references, keys } of scanned.nodes) {
    let subject = own;
    for (const key of keys) subject = filledFrom(subject, known(key));
    if (subject.identityId !== null) {
      for (let i = 0; i < references.length; i++) learned.push({ reference: references[i]!, key: keys[i]!, subject });
    }
    if (subject.identityId !== null || subject.applicationId !== null) subjects.push(subject);
  }
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

const NO_REFERENCES: readonly SubjectReference[] = [];
const NO_KEYS: readonly string[] = [];

/** Depth first, a node before its children (the order subjects are listed in), campaign ids scoping the items below them. */
function collect(value: unknown, campaignId: string | null, depth: number, catalogStream: boolean, into: NamingNode[]): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const element of value) collect(element, campaignId, depth + 1, catalogStream, into);
    return;
  }
  const node = value as Node;
  const scope = text(node['campaignId']) ?? campaignId;
  const own = ownSubject(node, catalogStream);
  const references = referencesOf(node, scope);
  if (own.identityId !== null || own.applicationId !== null || references.length > 0) {
    into.push({ own, references, keys: references.length === 0 ? NO_KEYS : references.map(referenceKey) });
  }
  for (const child of Object.values(node)) collect(child, scope, depth + 1, catalogStream, into);
}

function ownSubject(node: Node, catalogStream: boolean): EventSubject {
  const applicationId = text(node['applicationId']);
  // The catalog names an application's entitlement by `key`.
  const entitlementKey = text(node['entitlementKey']) ?? (catalogStream && applicationId !== null ? text(node['key']) : null);
  return { identityId: text(node['identityId']), applicationId, entitlementKey };
}

function referencesOf(node: Node, campaignId: string | null): readonly SubjectReference[] {
  let references: SubjectReference[] | null = null;
  for (const [field, kind] of REFERENCE_FIELDS) {
    const id = text(node[field]);
    if (id !== null) (references ??= []).push({ kind, id });
  }
  const itemId = campaignId === null ? null : text(node['itemId']);
  if (itemId !== null) (references ??= []).push({ kind: 'review-item', id: `${campaignId}/${itemId}` });
  return references ?? NO_REFERENCES;
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

/** The first of each equal subject, in order. An event names a few: comparing them is cheaper than keying them. */
function distinctSubjects(subjects: readonly EventSubject[]): readonly EventSubject[] {
  if (subjects.length > 16) {
    const byKey = new Map<string, EventSubject>();
    for (const subject of subjects) {
      const key = JSON.stringify([subject.identityId, subject.applicationId, subject.entitlementKey]);
      if (!byKey.has(key)) byKey.set(key, subject);
    }
    return [...byKey.values()];
  }
  const distinct: EventSubject[] = [];
  for (const subject of subjects) {
    if (!distinct.some((seen) => sameSubject(seen, subject))) distinct.push(subject);
  }
  return distinct;
}

function sameSubject(a: EventSubject, b: EventSubject): boolean {
  return a.identityId === b.identityId && a.applicationId === b.applicationId && a.entitlementKey === b.entitlementKey;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
