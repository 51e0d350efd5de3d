import { DomainError } from '@tenure/event-sourcing';

export const MAX_PAGE = 500;

/** `first` as asked, or a validation error saying what is allowed. */
export function pageSize(first: number): number {
  if (first < 1 || first > MAX_PAGE) throw new DomainError('validation', `first must be from 1 to ${MAX_PAGE}`, { field: 'first' });
  return first;
}
