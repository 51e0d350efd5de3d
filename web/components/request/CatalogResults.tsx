import Link from 'next/link';
import { Pager } from '@/components/ui/DataTable';
import { EmptyState } from '@/components/ui/EmptyState';
import { StatusBadge } from '@/components/ui/StatusBadge';
import type { CatalogPage } from '@/lib/data/catalog';

export interface CatalogResultsProps {
  page: CatalogPage;
  search: string;
  chosenId: string | undefined;
  chooseHref: (entitlementId: string) => string;
  nextHref: string | null;
  firstHref: string | null;
}

export function CatalogResults({ page, search, chosenId, chooseHref, nextHref, firstHref }: CatalogResultsProps) {
  if (page.entitlements.length === 0) {
    return (
      <>
        <EmptyState title={search ? `Nothing in the catalog matches “${search}”.` : 'The catalog is empty.'}>
          {search
            ? 'Try a shorter word, an application name or part of the entitlement’s key.'
            : 'Administrators have not discovered any entitlements yet.'}
        </EmptyState>
        <Pager paging={{ kind: 'cursor', firstHref }} label="Catalog" />
      </>
    );
  }
  return (
    <>
      <ul className="choice-list" aria-label="Catalog results">
        {page.entitlements.map((entitlement) => {
          const applicationName = entitlement.application?.name ?? entitlement.applicationId;
          const chosen = entitlement.id === chosenId;
          return (
            <li key={entitlement.id} className="choice-list__item" aria-current={chosen ? 'true' : undefined}>
              <div>
                <strong>{entitlement.displayName}</strong> <span className="muted">in {applicationName}</span>
                <div>
                  <code>{entitlement.key}</code> <span className="muted">({entitlement.kind})</span>{' '}
                  {entitlement.risk ? (
                    <StatusBadge
                      status={entitlement.risk}
                      label={`${entitlement.risk.toLowerCase()} risk`}
                      tone={riskTone(entitlement.risk)}
                    />
                  ) : null}
                </div>
                {entitlement.description ? <p className="muted">{entitlement.description}</p> : null}
              </div>
              {entitlement.requestable ? (
                chosen ? (
                  <span className="badge badge--info">Chosen</span>
                ) : (
                  <Link
                    className="button button--secondary"
                    href={chooseHref(entitlement.id)}
                    aria-label={`Choose ${entitlement.displayName} in ${applicationName}`}
                  >
                    Choose
                  </Link>
                )
              ) : (
                <span className="muted">Not requestable</span>
              )}
            </li>
          );
        })}
      </ul>
      <Pager paging={{ kind: 'cursor', nextHref, firstHref }} label="Catalog" />
    </>
  );
}

function riskTone(risk: string) {
  return risk === 'HIGH' || risk === 'CRITICAL' ? 'danger' : risk === 'MEDIUM' ? 'pending' : 'neutral';
}
