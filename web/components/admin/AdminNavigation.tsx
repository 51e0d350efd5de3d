'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import layout from './layout.module.css';

const SECTIONS = [
  { label: 'Identities', href: '/admin/identities' },
  { label: 'HR imports', href: '/admin/hr-imports' },
  { label: 'Applications', href: '/admin/applications' },
  { label: 'Policies', href: '/admin/policies' },
];

/** The administration area's sections; the current one is marked with aria-current. */
export function AdminNavigation() {
  const pathname = usePathname();
  return (
    <nav className={`site-nav ${layout.subnav}`} aria-label="Administration">
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={pathname === section.href || pathname.startsWith(`${section.href}/`) ? 'page' : undefined}
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
