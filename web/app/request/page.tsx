import type { Metadata } from 'next';
import Link from 'next/link';
import { CatalogResults } from '@/components/request/CatalogResults';
import { RequestForm } from '@/components/request/RequestForm';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { Field } from '@/components/ui/Field';
import { PageHeader } from '@/components/ui/PageHeader';
import { findEntitlement, parseEntitlementId, searchCatalog, type CatalogEntitlement, type CatalogPage } from '@/lib/data/catalog';
import { evaluateMyRequest, type RequestDecision } from '@/lib/data/request-decision';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith } from '@/lib/paging';
import { requireSession } from '@/lib/session';

export const metadata: Metadata = { title: 'Request access' };

/** What the form proposes until the person types another duration (capped to the policy's maximum). */
const DEFAULT_HOURS = 8;

type SearchParams = Record<string, string | string[] | undefined>;

export default async function RequestAccessPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  const params = await searchParams;
  const search = first(params.q)?.trim() ?? '';
  const after = first(params.after);
  const chosenId = first(params.entitlement);
  const chosen = parseEntitlementId(chosenId);

  let catalog: CatalogPage | undefined;
  let catalogError: GraphqlRequestError | undefined;
  try {
    catalog = await searchCatalog(search, after);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    catalogError = error;
  }

  return (
    <>
      <PageHeader title="Request access" description="Find what you need in the catalog, see what policy says, then ask for it." />
      <div className="two-columns">
        <section aria-labelledby="catalog-heading">
          <h2 id="catalog-heading">Catalog</h2>
          <form action="/request" method="get" className="form form--inline" role="search" aria-label="Search the catalog">
            <Field
              label="Search the catalog"
              name="q"
              type="search"
              defaultValue={search}
              hint="An application, a key, or words from the description"
            />
            <button type="submit" className="button button--primary">
              Search
            </button>
          </form>
          {catalogError ? <ErrorNotice title="The catalog could not be searched" error={catalogError} /> : null}
          {catalog ? (
            <CatalogResults
              page={catalog}
              search={search}
              chosenId={chosenId}
              chooseHref={(id) => `${hrefWith('/request', params, { entitlement: id })}#your-request`}
              nextHref={catalog.hasNextPage && catalog.endCursor ? hrefWith('/request', params, { after: catalog.endCursor }) : null}
              firstHref={after ? hrefWith('/request', params, { after: undefined }) : null}
            />
          ) : null}
        </section>
        <section aria-labelledby="your-request-heading" id="your-request">
          <h2 id="your-request-heading">Your request</h2>
          {chosen ? (
            <ChosenEntitlement employeeNumber={session.employeeNumber} applicationId={chosen.applicationId} entitlementKey={chosen.key} />
          ) : (
            <EmptyState title="Choose an entitlement from the catalog.">
              Policy’s answer (who approves, for how long) appears here before you submit.
            </EmptyState>
          )}
        </section>
      </div>
    </>
  );
}

async function ChosenEntitlement({
  employeeNumber,
  applicationId,
  entitlementKey,
}: {
  employeeNumber: string;
  applicationId: string;
  entitlementKey: string;
}) {
  let entitlement: CatalogEntitlement | null;
  let decision: RequestDecision | null = null;
  let hours = DEFAULT_HOURS;
  try {
    entitlement = await findEntitlement(applicationId, entitlementKey);
    if (entitlement?.requestable) {
      decision = await evaluateMyRequest(employeeNumber, applicationId, entitlementKey, hours);
      if (decision?.maxDurationHours != null && decision.maxDurationHours < hours) {
        hours = decision.maxDurationHours;
        decision = await evaluateMyRequest(employeeNumber, applicationId, entitlementKey, hours);
      }
    }
  } catch (error) {
    if (error instanceof GraphqlRequestError) return <ErrorNotice title="Policy could not be asked about this entitlement" error={error} />;
    throw error;
  }

  if (!entitlement) {
    return (
      <EmptyState title={`${applicationId}:${entitlementKey} is not in the catalog.`} action={<Link href="/request">Search again</Link>}>
        It may have been removed from the application.
      </EmptyState>
    );
  }
  return (
    <div className="stack">
      <div className="panel">
        <h3>{entitlement.displayName}</h3>
        <dl className="definition-list">
          <dt>Application</dt>
          <dd>{entitlement.application?.name ?? entitlement.applicationId}</dd>
          <dt>Key</dt>
          <dd>
            <code>{entitlement.key}</code>
          </dd>
          {entitlement.description ? (
            <>
              <dt>About</dt>
              <dd>{entitlement.description}</dd>
            </>
          ) : null}
          {entitlement.ownerEmployeeNumber ? (
            <>
              <dt>Owner</dt>
              <dd>{entitlement.ownerEmployeeNumber}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {entitlement.requestable ? (
        <RequestForm
          key={entitlement.id}
          applicationId={entitlement.applicationId}
          entitlementKey={entitlement.key}
          initialHours={hours}
          initialDecision={decision}
        />
      ) : (
        <ErrorNotice
          title="This entitlement cannot be requested"
          message="Administrators have not made it requestable. Ask its owner how to get it."
        />
      )}
    </div>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
