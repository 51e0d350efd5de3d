import { parseUtcLocal } from '@/components/audit/time-question';

/** A kind the portal offers: its name (the export's file names) and what it holds. */
export interface EvidenceKindChoice {
  readonly name: string;
  readonly description: string;
}

export interface EvidenceQuery {
  /** The chosen kinds' names, in the export's order. */
  readonly kinds: readonly string[];
  readonly period: { readonly from: Date; readonly to: Date };
}

/**
 * What the Download evidence form asks: `kind` (repeated; none means every kind) and optional `from` and
 * `to` (UTC date and time, as the audit page's time fields). Returns the problem instead when a kind is
 * unknown or a time is not one, is in the future, or the period ends before it starts.
 */
export function readEvidenceQuery(
  params: URLSearchParams,
  offered: readonly EvidenceKindChoice[],
  now: Date,
): { query: EvidenceQuery; problem?: undefined } | { query?: undefined; problem: string } {
  const asked = params.getAll('kind').filter((name) => name !== '');
  const unknown = asked.filter((name) => !offered.some((kind) => kind.name === name));
  if (unknown.length > 0) return { problem: `Unknown evidence kind ${unknown.map((name) => `“${name}”`).join(', ')}.` };
  const kinds = offered.map((kind) => kind.name).filter((name) => asked.length === 0 || asked.includes(name));

  const fromText = params.get('from') || undefined;
  const toText = params.get('to') || undefined;
  const from = fromText ? parseUtcLocal(fromText) : new Date(0);
  const to = toText ? parseUtcLocal(toText) : now;
  if (!from) return { problem: `From: “${fromText}” is not a UTC date and time such as 2026-11-26T10:30:00.` };
  if (!to) return { problem: `To: “${toText}” is not a UTC date and time such as 2026-11-26T10:30:00.` };
  if (to.getTime() > now.getTime()) return { problem: 'To is in the future; leave it empty for now.' };
  if (from.getTime() > to.getTime()) return { problem: 'From is after To.' };
  return { query: { kinds, period: { from, to } } };
}
