import type { PortalRole } from '../session/session-types';

export interface NavigationItem {
  label: string;
  href: string;
}

const everybody: NavigationItem[] = [
  { label: 'Dashboard', href: '/' },
  { label: 'My access', href: '/access' },
  { label: 'Request access', href: '/request' },
  { label: 'My requests', href: '/requests' },
  { label: 'Notifications', href: '/settings/notifications' },
  { label: 'Approvals', href: '/approvals' },
  { label: 'Reviews', href: '/reviews' },
];

const administratorsAndAuditors: NavigationItem[] = [
  { label: 'Administration', href: '/admin/identities' },
  { label: 'Audit', href: '/audit' },
];

/**
 * The links a person sees. Managers and owners need no extra links: their approvals and reviews arrive in
 * Approvals and Reviews. The services decide what anyone may do; this only hides what is of no use.
 */
export function navigationFor(roles: readonly PortalRole[]): NavigationItem[] {
  const seesAdministration = roles.includes('administrator') || roles.includes('auditor');
  return seesAdministration ? [...everybody, ...administratorsAndAuditors] : everybody;
}

/** Whether `href` is the section the path belongs to (the dashboard only for `/` itself). */
export function isCurrentSection(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  const section = href.startsWith('/admin/') ? '/admin' : href;
  return pathname === section || pathname.startsWith(`${section}/`);
}
