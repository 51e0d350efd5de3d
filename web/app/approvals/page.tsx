import type { Metadata } from 'next';
import Link from 'next/link';
import { PersonLabel } from '@/components/admin/PersonLabel';
import { mayChange, readsEverything } from '@/components/admin/roles';
import { openStep } from '@/components/approvals/access-request';
import { ApprovalHistory } from '@/components/approvals/ApprovalHistory';
import { DecisionForm } from '@/components/approvals/DecisionForm';
import { PeerShareText, RiskBadges, SodConflicts } from '@/components/approvals/RiskContext';
import { Countdown, DataTable, EmptyState, ErrorNotice, PageHeader, type DataTableColumn } from '@/components/ui';
import { formatDateTime, formatHours, humanize } from '@/lib/format';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith, pageOf, pageParam } from '@/lib/paging';
import { requireSession } from '@/lib/session';
import { approvalInbox, type InboxEntry } from './queries';
import layout from '@/components/admin/layout.module.css';

export const metadata: Metadata = { title: 'Approvals' };

type SearchParams = Record<string, string | string[] | undefined>;

const PAGE_SIZE = 10;

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  const params = await searchParams;
  const header = (
    <PageHeader
      title="Approvals"
      description="Access requests waiting for your decision, oldest first, with what you need to weigh them."
    />
  );

  let entries: InboxEntry[];
  try {
    entries = await approvalInbox(session);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return (
      <>
        {header}
        <ErrorNotice title="Your approvals could not be loaded" error={error} />
      </>
    );
  }

  const canDecide = mayChange(session);
  const page = pageOf(entries, pageParam(params.page), PAGE_SIZE);
  const columns: DataTableColumn<InboxEntry>[] = [
    { header: 'Request', cell: (entry) => <RequestCell entry={entry} /> },
    {
      header: 'Risk',
      cell: ({ request, catalog }) => (
        <RiskBadges requestRisk={request.risk} entitlementRisk={catalog?.risk} breakGlass={request.breakGlass} />
      ),
    },
    { header: 'Peers holding it', cell: ({ request }) => <PeerShareText holding={request.peerHolding} /> },
    { header: 'Waiting since', cell: (entry) => <WaitingCell entry={entry} /> },
  ];

  return (
    <>
      {header}
      <DecidedNotice params={params} />
      {!canDecide ? (
        <p className="notice notice--info" role="status">
          You are an auditor: you can read approvals but not decide them.
        </p>
      ) : null}
      <DataTable
        caption="Requests waiting for approval"
        columns={columns}
        rows={page.items}
        rowKey={(entry) => entry.request.id}
        rowDetails={(entry) => <RequestDetails entry={entry} canDecide={canDecide} showLinks={readsEverything(session)} />}
        empty={
          <EmptyState title="Nothing is waiting for your approval.">
            When someone asks for access you approve — as their manager, as the owner of the entitlement or application, or as a member of
            an approver group — the request appears here.
          </EmptyState>
        }
        paging={{ kind: 'page', page: page.page, pageCount: page.pageCount, hrefFor: (n) => hrefWith('/approvals', {}, { page: n }) }}
      />
    </>
  );
}

function DecidedNotice({ params }: { params: SearchParams }) {
  const decided = typeof params.decided === 'string' ? params.decided : undefined;
  if (!decided) return null;
  const status = typeof params.status === 'string' ? params.status : '';
  const outcome =
    params.decision === 'deny'
      ? 'You denied request ' + decided + '.'
      : status === 'PENDING'
        ? `You approved request ${decided}; it now waits for its next approval step.`
        : `You approved request ${decided}; it is now ${humanize(status || 'approved').toLowerCase()}.`;
  return (
    <p className="notice notice--success" role="status">
      {outcome}
    </p>
  );
}

function RequestCell({ entry }: { entry: InboxEntry }) {
  const { request, subject, requester, catalog } = entry;
  const what = catalog
    ? `${catalog.displayName} (${request.applicationId}:${request.entitlementKey})`
    : `${request.applicationId}:${request.entitlementKey}`;
  return (
    <div className={layout.lines}>
      <strong>{what}</strong>
      <span>
        for <PersonLabel employeeNumber={request.subjectEmployeeNumber} displayName={subject?.displayName} />
        {subject ? (
          <span className="muted">
            {' '}
            · {subject.title}, {subject.department}
          </span>
        ) : null}
      </span>
      {request.requesterEmployeeNumber !== request.subjectEmployeeNumber ? (
        <span className="muted">
          asked by <PersonLabel employeeNumber={request.requesterEmployeeNumber} displayName={requester?.displayName} />
        </span>
      ) : null}
      <span className="muted">
        {request.extendsAssignmentId ? 'Extension' : 'Duration'}:{' '}
        {formatHours(request.grantedDurationHours ?? request.requestedDurationHours)}
      </span>
    </div>
  );
}

function WaitingCell({ entry }: { entry: InboxEntry }) {
  const step = openStep(entry.request);
  return (
    <div className={layout.lines}>
      <span>{formatDateTime(entry.request.requestedAt)}</span>
      {step ? (
        <span className="muted">
          Step {step.index + 1} of {entry.request.steps.length}: {step.description}
        </span>
      ) : null}
      {entry.waitingFor === 'administrators' ? <span className="muted">Left to administrators</span> : null}
      {step?.escalatesAt ? (
        <span>
          Escalates: <Countdown to={step.escalatesAt} expiredLabel="escalation due" />
        </span>
      ) : null}
    </div>
  );
}

function RequestDetails({ entry, canDecide, showLinks }: { entry: InboxEntry; canDecide: boolean; showLinks: boolean }) {
  const { request, subject } = entry;
  const subjectName = subject?.displayName ?? request.subjectEmployeeNumber;
  return (
    <div className="two-columns">
      <div className={layout.lines}>
        <h2 className="visually-hidden">Request {request.id}</h2>
        <div>
          <h3>Justification</h3>
          <blockquote>{request.justification}</blockquote>
        </div>
        <div>
          <h3>Separation of duties</h3>
          <SodConflicts conflicts={request.sodConflicts} />
        </div>
        <details>
          <summary>Policy decision{request.policyVersion ? ` (version ${request.policyVersion})` : ''}</summary>
          <ul>
            {request.decisionReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
            {request.autoApprovalReasons.map((reason) => (
              <li key={`auto-${reason}`}>Auto-approval: {reason}</li>
            ))}
          </ul>
        </details>
        <details>
          <summary>Approval chain</summary>
          <ApprovalHistory steps={request.steps} />
        </details>
        {showLinks && subject ? (
          <p>
            <Link href={`/admin/identities/${encodeURIComponent(subject.id)}`}>See {subjectName}’s access and history</Link>
          </p>
        ) : null}
      </div>
      {canDecide ? (
        <DecisionForm requestId={request.id} subject={`${subjectName}’s request for ${request.applicationId}:${request.entitlementKey}`} />
      ) : null}
    </div>
  );
}
