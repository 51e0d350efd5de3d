import { CliError, ExitCode } from '../exit-codes';

/** The kinds of notification, as the GraphQL enum NotificationKind names them (gateway/supergraph.graphql). */
export const NOTIFICATION_KINDS = [
  'APPROVAL_WAITING',
  'REVIEW_ITEMS_WAITING',
  'REVIEW_ITEMS_DUE',
  'REQUEST_DECIDED',
  'ACCESS_EXPIRING',
  'MANUAL_TASK_ASSIGNED',
  'LEAVER_COMPLETED',
] as const;

/** The channels, as the GraphQL enum NotificationChannel names them. */
export const NOTIFICATION_CHANNELS = ['EMAIL', 'SLACK'] as const;

export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];
export type NotificationChannelName = (typeof NOTIFICATION_CHANNELS)[number];

/** How the command line writes a kind or a channel: `request-decided`, `email`. */
export function formatNotificationName(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}

/**
 * A kind as people type it: `request-decided`, `request_decided`, `REQUEST_DECIDED`, `Request-Decided`. A kind that
 * does not exist is a usage error listing the kinds, with the nearest one when it looks like a typo.
 */
export function parseNotificationKind(text: string): NotificationKindName {
  const name = enumName(text);
  const kind = NOTIFICATION_KINDS.find((candidate) => candidate === name);
  if (kind) return kind;
  const nearest = nearestName(name, NOTIFICATION_KINDS);
  throw new CliError(
    `Unknown notification kind "${text}"${nearest ? ` (did you mean ${formatNotificationName(nearest)}?)` : ''}; the kinds are: ${NOTIFICATION_KINDS.map(formatNotificationName).join(', ')}`,
    ExitCode.USAGE,
  );
}

/** `email` or `slack`, in any case. */
export function parseNotificationChannel(text: string): NotificationChannelName {
  const name = enumName(text);
  const channel = NOTIFICATION_CHANNELS.find((candidate) => candidate === name);
  if (channel) return channel;
  throw new CliError(`Unknown notification channel "${text}": use email or slack`, ExitCode.USAGE);
}

/** `on` or `off`, in any case. */
export function parseOnOff(text: string): boolean {
  const value = text.trim().toLowerCase();
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new CliError(`"${text}" is neither on nor off: write on to receive these notifications, off to stop them`, ExitCode.USAGE);
}

function enumName(text: string): string {
  return text
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, '_');
}

/** The candidate within two edits of `name` (a typo), or one that starts with it (a shortened name), if exactly one fits best. */
function nearestName<Name extends string>(name: string, candidates: readonly Name[]): Name | undefined {
  if (!name) return undefined;
  const byPrefix = candidates.filter((candidate) => candidate.startsWith(name));
  if (byPrefix.length === 1) return byPrefix[0];
  const scored = candidates
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .sort((a, b) => a.distance - b.distance);
  const [best, second] = scored;
  if (!best || best.distance > 2 || (second && second.distance === best.distance)) return undefined;
  return best.candidate;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
