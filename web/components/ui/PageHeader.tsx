import type { ReactNode } from 'react';

export interface PageHeaderProps {
  /** The page's one h1: tests and screen readers find the page by it. */
  title: string;
  description?: ReactNode;
  /** Buttons or links beside the title (wrap below it on narrow screens). */
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header__text">
        <h1>{title}</h1>
        {description ? <p className="page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}
