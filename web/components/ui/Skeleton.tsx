export interface PageSkeletonProps {
  /** The page's title, shown at once so the heading does not jump when the data arrives. */
  title: string;
  rows?: number;
}

/** What a loading.tsx shows while a page's data is fetched. */
export function PageSkeleton({ title, rows = 5 }: PageSkeletonProps) {
  return (
    <div aria-busy="true">
      <header className="page-header">
        <div className="page-header__text">
          <h1>{title}</h1>
        </div>
      </header>
      <p className="visually-hidden" role="status">
        Loading {title.toLowerCase()}…
      </p>
      <div className="skeleton" aria-hidden="true">
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="skeleton__row" />
        ))}
      </div>
    </div>
  );
}
