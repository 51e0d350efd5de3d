/** One page of an in-memory list (for API lists that do not page themselves). Pages count from 1. */
export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export const DEFAULT_PAGE_SIZE = 20;

export function pageOf<T>(items: readonly T[], requestedPage: number, pageSize = DEFAULT_PAGE_SIZE): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const page = Math.min(Math.max(1, Number.isFinite(requestedPage) ? Math.floor(requestedPage) : 1), pageCount);
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageCount, total: items.length };
}

/** A positive page number from a search parameter; 1 for anything else. */
export function pageParam(value: string | string[] | undefined): number {
  const parsed = Number.parseInt(Array.isArray(value) ? (value[0] ?? '') : (value ?? ''), 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 1;
}

/** `path` with the current search parameters and these changes (undefined or empty removes one). */
export function hrefWith(
  path: string,
  current: Record<string, string | string[] | undefined>,
  changes: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(current)) {
    if (typeof value === 'string') params.set(name, value);
    else if (Array.isArray(value) && value[0] !== undefined) params.set(name, value[0]);
  }
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined || value === '') params.delete(name);
    else params.set(name, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
