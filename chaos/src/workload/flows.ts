import type { Dice } from '../random';
import type { TestIssuer } from '@tenure/testing';
import { GatewayClient, UncertainOutcome } from './gateway-client';
import { DEPARTMENTS, type Department, type People, type Person } from './people';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const TENURE_HR = 'urn:ietf:params:scim:schemas:extension:tenure:hr:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const REQUEST_ACCESS = 'mutation($input: RequestAccessInput!) { requestAccess(input: $input) { id status decisionReasons } }';
const APPROVE = 'mutation($id: ID!, $comment: String!) { approveRequest(id: $id, comment: $comment) { id status } }';
const REQUEST_STATUS = 'query($id: ID!) { accessRequest(id: $id) { id status } }';
const REQUESTS_OF = 'query($id: ID!) { identity(id: $id) { requests { id justification status decisionReasons } } }';
const RUN_RECONCILIATION = 'mutation($app: ID!) { runReconciliation(applicationId: $app) { id } }';
const RECONCILIATION_RUNS = 'query($app: ID!) { reconciliationRuns(applicationId: $app, first: 20) { edges { node { id status } } } }';

interface RequestView {
  readonly id: string;
  readonly status: string;
  readonly decisionReasons: readonly string[];
}

/** A just-in-time request the run made, for the checks at the end. */
export interface RequestRecord {
  readonly requestId: string;
  readonly person: Person;
  readonly applicationId: string;
  readonly entitlementKey: string;
}

export interface FlowCounts {
  joiners: number;
  movers: number;
  leavers: number;
  requests: number;
  /** Requests refused because the previous grant of the same entitlement was still held. */
  refusedAsHeld: number;
  reconciliations: number;
  /** Reconciliations refused because one of the same application was still running. */
  reconciliationsRefusedAsRunning: number;
}

/**
 * The HR system's and the people's side of the run: each flow is what a real caller does, through
 * the gateway, coping with failures the way a careful client must (ask what happened, then retry).
 */
export class Flows {
  readonly counts: FlowCounts = {
    joiners: 0,
    movers: 0,
    leavers: 0,
    requests: 0,
    refusedAsHeld: 0,
    reconciliations: 0,
    reconciliationsRefusedAsRunning: 0,
  };
  readonly requests: RequestRecord[] = [];
  readonly reconciliationRuns: { applicationId: string; runId: string }[] = [];
  private nonce = 0;

  constructor(
    private readonly client: GatewayClient,
    private readonly people: People,
    private readonly issuer: TestIssuer,
    private readonly requestDurationHours: number,
  ) {}

  /** A joiner over SCIM. A retry that finds the user name taken looks the person up: the first attempt went through. */
  async hire(department: Department): Promise<Person> {
    const manager = this.people.managerOf(department);
    const person = this.people.newPerson(department, manager.employeeNumber);
    person.busy = true;
    const created = await this.client.untilDone(
      `hire ${person.employeeNumber}`,
      async () => {
        const answer = await this.client.scim('POST', '/Users', {
          schemas: [CORE, ENTERPRISE, TENURE_HR],
          [TENURE_HR]: { startDate: new Date().toISOString().slice(0, 10) },
          userName: person.employeeNumber,
          name: { givenName: 'Chaos', familyName: person.employeeNumber },
          emails: [{ value: person.email, type: 'work', primary: true }],
          title: 'Analyst',
          [ENTERPRISE]: { employeeNumber: person.employeeNumber, department, manager: { value: manager.employeeNumber } },
        });
        if (answer.status === 201) return String(answer.body['id']);
        throw new Error(`hire ${person.employeeNumber}: SCIM answered ${answer.status} ${JSON.stringify(answer.body)}`);
      },
      () => this.identityIdOf(person.employeeNumber),
    );
    person.identityId = created;
    person.busy = false;
    this.counts.joiners += 1;
    return person;
  }

  /** A mover: another department and its manager, over SCIM PATCH (a replace: repeating it is harmless). */
  async move(person: Person, dice: Dice): Promise<void> {
    const department = dice.pick(DEPARTMENTS.filter((candidate) => candidate !== person.department));
    const manager = this.people.managerOf(department);
    await this.client.untilDone(`move ${person.employeeNumber}`, async () => {
      const answer = await this.client.scim('PATCH', `/Users/${person.identityId}`, {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'replace', path: `${ENTERPRISE}:department`, value: department },
          { op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: manager.employeeNumber } },
        ],
      });
      // 204 is a success too (RFC 7644 §3.5.2): the answer when the PATCH changed nothing, as a retry of one already applied.
      if (answer.status !== 200 && answer.status !== 204)
        throw new Error(`move ${person.employeeNumber}: SCIM answered ${answer.status} ${JSON.stringify(answer.body)}`);
    });
    person.department = department;
    person.managerNumber = manager.employeeNumber;
    this.counts.movers += 1;
  }

  /** A leaver: SCIM DELETE. A retry answered 404 means the first one went through. */
  async leave(person: Person): Promise<void> {
    await this.client.untilDone(`terminate ${person.employeeNumber}`, async () => {
      const answer = await this.client.scim('DELETE', `/Users/${person.identityId}`);
      if (answer.status !== 204 && answer.status !== 404)
        throw new Error(`terminate ${person.employeeNumber}: SCIM answered ${answer.status} ${JSON.stringify(answer.body)}`);
    });
    person.status = 'terminated';
    this.counts.leavers += 1;
  }

  /**
   * Just in time: the person asks for a short grant with their own token, their manager approves with
   * theirs. The justification carries a nonce, so an uncertain request is found again instead of
   * being made twice.
   */
  async requestAccess(person: Person, applicationId: string, entitlementKey: string): Promise<void> {
    this.nonce += 1;
    const justification = `chaos run: on call (nonce ${this.nonce})`;
    const token = await this.issuer.token(person.employeeNumber);
    const request = await this.client.untilDone(
      `request ${applicationId}/${entitlementKey} for ${person.employeeNumber}`,
      async () => {
        const data = await this.client.data<{ requestAccess: RequestView }>(
          REQUEST_ACCESS,
          { input: { applicationId, entitlementKey, justification, durationHours: this.requestDurationHours } },
          token,
        );
        return data.requestAccess;
      },
      async () => {
        const data = await this.client.data<{ identity: { requests: (RequestView & { justification: string })[] } }>(REQUESTS_OF, {
          id: person.identityId,
        });
        return data.identity.requests.find((candidate) => candidate.justification === justification);
      },
    );
    // The policy decides at once. "Already holds": the previous grant of it is still there (its
    // provisioning and expiry took longer than the harness waited); the final checks see it gone.
    // Any other refusal of an active person's request is a failure.
    if (request.status === 'REFUSED') {
      if (request.decisionReasons.some((reason) => reason.includes('already holds'))) {
        this.counts.refusedAsHeld += 1;
        return;
      }
      throw new Error(`refused: ${request.decisionReasons.join(' ')}`);
    }
    const requestId = request.id;
    const managerToken = await this.issuer.token(person.managerNumber!);
    await this.client.untilDone(
      `approve ${requestId}`,
      async () => {
        const answer = await this.client.graphql<{ approveRequest: { status: string } }>(
          APPROVE,
          { id: requestId, comment: 'chaos approval' },
          managerToken,
        );
        if (answer.errors?.length) throw new Error(`approve ${requestId}: ${JSON.stringify(answer.errors)}`);
        return true;
      },
      async () => {
        const data = await this.client.data<{ accessRequest: { status: string } }>(REQUEST_STATUS, { id: requestId });
        return data.accessRequest.status === 'PENDING' ? undefined : true;
      },
    );
    this.requests.push({ requestId, person, applicationId, entitlementKey });
    this.counts.requests += 1;
  }

  /** An administrator's reconciliation of one application, on demand. */
  async reconcile(applicationId: string): Promise<void> {
    const started = new Set((await this.runsOf(applicationId)).map((run) => run.id));
    const runId = await this.client.untilDone(
      `reconcile ${applicationId}`,
      async () => {
        const answer = await this.client.graphql<{ runReconciliation: { id: string } }>(RUN_RECONCILIATION, { app: applicationId });
        // One run per application at a time: the platform refuses another while one runs, rightly.
        if (answer.errors?.some((error) => error.extensions?.code === 'CONFLICT')) return null;
        if (!answer.data) throw new Error(`refused: ${JSON.stringify(answer.errors)}`);
        return answer.data.runReconciliation.id;
      },
      async () => (await this.runsOf(applicationId)).find((run) => !started.has(run.id))?.id,
    );
    if (runId === null) {
      this.counts.reconciliationsRefusedAsRunning += 1;
      return;
    }
    this.reconciliationRuns.push({ applicationId, runId });
    this.counts.reconciliations += 1;
  }

  private async runsOf(applicationId: string): Promise<{ id: string; status: string }[]> {
    const data = await this.client.untilDone('list reconciliation runs', () =>
      this.client.data<{ reconciliationRuns: { edges: { node: { id: string; status: string } }[] } }>(RECONCILIATION_RUNS, {
        app: applicationId,
      }),
    );
    return data.reconciliationRuns.edges.map((edge) => edge.node);
  }

  private async identityIdOf(employeeNumber: string): Promise<string | undefined> {
    const answer = await this.client.scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${employeeNumber}"`)}`);
    if (answer.status !== 200) throw new UncertainOutcome(`SCIM lookup answered ${answer.status}`);
    return (answer.body['Resources'] as { id: string }[] | undefined)?.[0]?.id;
  }
}
