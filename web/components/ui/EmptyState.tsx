import type { ReactNode } from 'react';

export interface EmptyStateProps {
  /** What is empty, in a sentence: "You have no access requests yet." */
  title: string;
  /** Why, or what to do about it. */
  children?: ReactNode;
  /** A link or button that gets the person going. */
  action?: ReactNode;
}

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children ? <div className="empty-state__body">{children}</div> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
