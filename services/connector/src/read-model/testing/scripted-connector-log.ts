import { ERASED_MARKER, PERSONAL_DATA_ERASED } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';

/**
 * A scripted slice of the log as the connector's operation projections read it (already revealed:
 * an erased person's sealed values read as ERASED_MARKER), built for comparing one event at a time
 * with batches. It holds the orders that make batching tricky: a decision recorded after the
 * request it caused, outcomes of an operation whose request the log no longer has, a request
 * appended twice, retries and dead letters, manual tasks, an account the target no longer had, a
 * second disable of the same account, an erasure between two events of the same person, and a
 * rehire with a new account after it; assignment events twice, and a revocation before its addition.
 */
export function scriptedConnectorLog(): RecordedEvent[] {
  const log = new LogBuilder();
  const anna = { identityId: 'id-anna', employeeNumber: '7001', userName: 'anna.berg' };
  const bo = { identityId: 'id-bo', employeeNumber: '7002', userName: 'employee-7002' };

  // Anna: a birthright grant in erp (decision, request, account created, granted).
  log.assignmentAdded('as-anna-erp', anna.identityId, 'erp', 'reader');
  log.request('grant.anna-erp', 'grant', 'erp', anna.identityId, {
    assignmentId: 'as-anna-erp',
    entitlementKey: 'reader',
    cause: ['assignment', 'as-anna-erp'],
  });
  log.step('grant.anna-erp', 'AccountCreated', 'grant', 'erp', anna, { entitlementKey: 'reader', assignmentId: 'as-anna-erp' });
  log.step('grant.anna-erp', 'EntitlementGranted', 'grant', 'erp', anna, { entitlementKey: 'reader', assignmentId: 'as-anna-erp' });
  // Anna in crm: the request before its decision (the decision arrives late), two failed attempts, a dead letter, a retry, success.
  log.request('grant.anna-crm', 'grant', 'crm', anna.identityId, {
    assignmentId: 'as-anna-crm',
    entitlementKey: 'sales',
    cause: ['assignment', 'as-anna-crm'],
  });
  log.assignmentAdded('as-anna-crm', anna.identityId, 'crm', 'sales');
  log.attemptFailed('grant.anna-crm', 1);
  log.attemptFailed('grant.anna-crm', 2);
  log.failed('grant.anna-crm', 'grant', 'crm', anna.identityId, 3);
  log.retried('grant.anna-crm');
  log.step('grant.anna-crm', 'EntitlementGranted', 'grant', 'crm', anna, { entitlementKey: 'sales', assignmentId: 'as-anna-crm' });
  // The same request again (a replay overlapping the live log): nothing changes.
  log.request('grant.anna-erp', 'grant', 'erp', anna.identityId, {
    assignmentId: 'as-anna-erp',
    entitlementKey: 'reader',
    cause: ['assignment', 'as-anna-erp'],
  });
  // Outcomes of an operation whose request is not in the log (trimmed): they change nothing but accounts and seats.
  log.step('grant.lost', 'EntitlementGranted', 'grant', 'wiki', anna, { entitlementKey: 'editor', assignmentId: 'as-lost' });
  // A manual application: a task opened, completed by its owner with a note.
  log.request('grant.anna-badges', 'grant', 'badges', anna.identityId, {
    assignmentId: 'as-anna-badges',
    entitlementKey: 'building-a',
    cause: ['assignment', 'as-anna-badges'],
  });
  log.taskOpened('grant.anna-badges', 'badges', anna, 'Grant building-a to Anna Berg (7001) in Badges');
  log.step('grant.anna-badges', 'EntitlementGranted', 'grant', 'badges', anna, {
    entitlementKey: 'building-a',
    assignmentId: 'as-anna-badges',
    note: 'badge printed for Anna',
  });
  // Bo: a user name made from his employee number, an update, a review that revokes his last access (and disables the account).
  log.assignmentAdded('as-bo-erp', bo.identityId, 'erp', 'reader');
  log.request('grant.bo-erp', 'grant', 'erp', bo.identityId, {
    assignmentId: 'as-bo-erp',
    entitlementKey: 'reader',
    cause: ['assignment', 'as-bo-erp'],
  });
  log.step('grant.bo-erp', 'AccountCreated', 'grant', 'erp', bo, { entitlementKey: 'reader', assignmentId: 'as-bo-erp' });
  log.step('grant.bo-erp', 'EntitlementGranted', 'grant', 'erp', bo, { entitlementKey: 'reader', assignmentId: 'as-bo-erp' });
  log.request('update.bo-erp', 'update-account', 'erp', bo.identityId, { cause: ['administrator', 'admin-1'] });
  log.step('update.bo-erp', 'AccountUpdated', 'update-account', 'erp', bo);
  log.assignmentRevoked('as-bo-erp', bo.identityId, 'erp', 'reader', 'review');
  log.request('revoke.bo-erp', 'revoke', 'erp', bo.identityId, {
    assignmentId: 'as-bo-erp',
    entitlementKey: 'reader',
    cause: ['assignment', 'as-bo-erp'],
  });
  log.step('revoke.bo-erp', 'AccountDisabled', 'revoke', 'erp', bo, { entitlementKey: 'reader', assignmentId: 'as-bo-erp' });
  log.step('revoke.bo-erp', 'EntitlementRevoked', 'revoke', 'erp', bo, { entitlementKey: 'reader', assignmentId: 'as-bo-erp' });
  // The same assignment events again (a replay overlapping the live log), and a revocation that arrives before its addition.
  log.assignmentRevoked('as-bo-erp', bo.identityId, 'erp', 'reader', 'cancelled');
  log.assignmentAdded('as-anna-erp', anna.identityId, 'erp', 'reader');
  log.assignmentRevoked('as-bo-wiki', bo.identityId, 'wiki', 'editor', 'expired');
  log.assignmentAdded('as-bo-wiki', bo.identityId, 'wiki', 'editor');
  // An orphan account reconciliation found: no identity, a user name of its own, dismissed.
  log.request('drift.orphan', 'disable-account', 'erp', '', { userName: 'ghost', cause: ['drift', 'drift-1'] });
  log.dismissed('drift.orphan');
  // Anna leaves: the termination, the disables (crm no longer had the account), a second disable of erp frees nothing.
  const termination = log.terminated(anna.identityId, anna.employeeNumber);
  for (const applicationId of ['erp', 'crm', 'wiki']) {
    log.request(`disable.anna-${applicationId}`, 'disable-account', applicationId, anna.identityId, {
      priority: 'leaver',
      cause: ['termination', termination],
    });
  }
  log.step('disable.anna-erp', 'AccountDisabled', 'disable-account', 'erp', anna);
  log.step('disable.anna-crm', 'AccountDisabled', 'disable-account', 'crm', anna, { accountExisted: false });
  log.request('disable.anna-erp-again', 'disable-account', 'erp', anna.identityId, {
    priority: 'leaver',
    cause: ['termination', termination],
  });
  log.step('disable.anna-erp-again', 'AccountDisabled', 'disable-account', 'erp', anna);
  log.request('disable.anna-badges', 'disable-account', 'badges', anna.identityId, {
    priority: 'leaver',
    cause: ['termination', termination],
  });
  log.taskOpened('disable.anna-badges', 'badges', anna, 'Disable the account of Anna Berg (7001) in Badges (account anna.berg)');
  // Her personal data is erased while wiki's disable still waits; it then becomes a dead letter.
  log.erased(anna.identityId, anna.employeeNumber);
  log.failed('disable.anna-wiki', 'disable-account', 'wiki', anna.identityId, 1);
  // The task completed after the erasure carries the name as it reads then.
  log.step('disable.anna-badges', 'AccountDisabled', 'disable-account', 'badges', { ...anna, userName: ERASED_MARKER });
  // Rehired with a new email: a new account name, readable again.
  log.assignmentAdded('as-anna-erp-2', anna.identityId, 'erp', 'reader');
  const rehired = { ...anna, userName: 'anna.lind' };
  log.request('grant.anna-erp-2', 'grant', 'erp', anna.identityId, {
    assignmentId: 'as-anna-erp-2',
    entitlementKey: 'reader',
    cause: ['assignment', 'as-anna-erp-2'],
  });
  log.step('grant.anna-erp-2', 'AccountEnabled', 'grant', 'erp', rehired, { entitlementKey: 'reader', assignmentId: 'as-anna-erp-2' });
  log.step('grant.anna-erp-2', 'EntitlementGranted', 'grant', 'erp', rehired, { entitlementKey: 'reader', assignmentId: 'as-anna-erp-2' });
  return log.events;
}

/**
 * The same history, as a rebuild after the erasure reads it: Anna's sealed values (her user names,
 * the task's instructions and note, up to the erasure) read as the marker.
 */
export function scriptedConnectorLogAsRebuilt(): RecordedEvent[] {
  const events = scriptedConnectorLog();
  const erasedAt = events.findIndex((event) => event.type === PERSONAL_DATA_ERASED);
  return events.map((event, index) => {
    const data = event.data as Record<string, unknown>;
    if (index > erasedAt || data['employeeNumber'] !== '7001' || !event.streamId.startsWith('operation-')) return event;
    const erased = { ...data };
    for (const field of ['userName', 'note', 'instructions']) if (typeof erased[field] === 'string') erased[field] = ERASED_MARKER;
    return { ...event, data: erased };
  });
}

interface Person {
  readonly identityId: string;
  readonly employeeNumber: string;
  readonly userName: string;
}

class LogBuilder {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, bigint>();
  private time = Date.parse('2026-05-10T08:00:00Z');

  assignmentAdded(assignmentId: string, identityId: string, applicationId: string, entitlementKey: string): void {
    const source = { kind: 'birthright', reference: 'rule-1', policyVersion: 1 };
    this.append(`assignments-${identityId}`, 'AssignmentAdded', {
      assignmentId,
      identityId,
      applicationId,
      entitlementKey,
      source,
      validFrom: this.iso(),
      validUntil: null,
    });
  }

  assignmentRevoked(assignmentId: string, identityId: string, applicationId: string, entitlementKey: string, reason: string): void {
    this.append(`assignments-${identityId}`, 'AssignmentRevoked', {
      assignmentId,
      identityId,
      applicationId,
      entitlementKey,
      reason,
      revokedAt: this.iso(),
    });
  }

  terminated(identityId: string, employeeNumber: string): string {
    return this.append(`identity-${employeeNumber}`, 'IdentityTerminated', {
      identityId,
      employeeNumber,
      terminationDate: '2026-05-10',
      lifecycle: 'leaver',
    });
  }

  erased(identityId: string, employeeNumber: string): void {
    this.append(`identity-${employeeNumber}`, PERSONAL_DATA_ERASED, {
      identityId,
      employeeNumber,
      legalReference: 'case-1',
      erasedBy: 'person:admin',
      erasedAt: this.iso(),
    });
  }

  request(
    operationId: string,
    action: string,
    applicationId: string,
    identityId: string,
    options: {
      readonly assignmentId?: string;
      readonly entitlementKey?: string;
      readonly userName?: string;
      readonly priority?: string;
      readonly cause: readonly [string, string];
    },
  ): void {
    this.append(`operation-${operationId}`, 'OperationRequested', {
      operationId,
      action,
      applicationId,
      identityId,
      assignmentId: options.assignmentId ?? null,
      entitlementKey: options.entitlementKey ?? null,
      priority: options.priority ?? 'routine',
      cause: { kind: options.cause[0], reference: options.cause[1] },
      requestedAt: this.iso(),
      ...(options.userName !== undefined ? { userName: options.userName } : {}),
    });
  }

  step(
    operationId: string,
    type: string,
    action: string,
    applicationId: string,
    person: Person,
    options: {
      readonly entitlementKey?: string;
      readonly assignmentId?: string;
      readonly note?: string;
      readonly accountExisted?: boolean;
    } = {},
  ): void {
    this.append(`operation-${operationId}`, type, {
      operationId,
      action,
      applicationId,
      identityId: person.identityId,
      assignmentId: options.assignmentId ?? null,
      entitlementKey: options.entitlementKey ?? null,
      userName: person.userName,
      completedAt: this.iso(),
      via: options.note !== undefined ? 'manual-task' : 'connector',
      completedBy: options.note !== undefined ? 'owner-1' : null,
      note: options.note ?? null,
      accountExisted: options.accountExisted ?? true,
      employeeNumber: person.employeeNumber,
    });
  }

  attemptFailed(operationId: string, attempt: number): void {
    this.append(`operation-${operationId}`, 'OperationAttemptFailed', {
      operationId,
      attempt,
      errorKind: 'unavailable',
      message: 'the target answered 503',
      retryAt: new Date(this.time + 60_000).toISOString(),
      failedAt: this.iso(),
    });
  }

  failed(operationId: string, action: string, applicationId: string, identityId: string, attempts: number): void {
    this.append(`operation-${operationId}`, 'OperationFailed', {
      operationId,
      action,
      applicationId,
      identityId,
      assignmentId: null,
      entitlementKey: null,
      errorKind: 'personal-data-erased',
      message: 'gave up',
      attempts,
      failedAt: this.iso(),
    });
  }

  retried(operationId: string): void {
    this.append(`operation-${operationId}`, 'OperationRetryRequested', {
      operationId,
      requestedBy: { kind: 'person', id: 'admin' },
      retriedAt: this.iso(),
    });
  }

  dismissed(operationId: string): void {
    this.append(`operation-${operationId}`, 'OperationDismissed', {
      operationId,
      by: { kind: 'person', id: 'admin' },
      reason: 'not ours',
      dismissedAt: this.iso(),
    });
  }

  taskOpened(operationId: string, applicationId: string, person: Person, instructions: string): void {
    this.append(`operation-${operationId}`, 'ManualTaskOpened', {
      taskId: operationId,
      operationId,
      applicationId,
      identityId: person.identityId,
      ownerEmployeeNumber: '9000',
      instructions,
      userName: person.userName,
      completes: ['EntitlementGranted'],
      dueAt: new Date(this.time + 48 * 3_600_000).toISOString(),
      openedAt: this.iso(),
      employeeNumber: person.employeeNumber,
    });
  }

  /** Appends one event; returns its event id. */
  private append(streamId: string, type: string, data: unknown): string {
    const revision = this.revisions.has(streamId) ? this.revisions.get(streamId)! + 1n : 0n;
    this.revisions.set(streamId, revision);
    this.time += 1_000;
    const index = BigInt(this.events.length + 1);
    const eventId = `event-${index}`;
    this.events.push({
      streamId,
      revision,
      position: { commit: index, prepare: index },
      type,
      data,
      metadata: { eventId, correlationId: 'script', causationId: null, actor: { kind: 'service', id: 'script' }, occurredAt: this.iso() },
      recordedAt: new Date(this.time),
    });
    return eventId;
  }

  private iso(): string {
    return new Date(this.time).toISOString();
  }
}
