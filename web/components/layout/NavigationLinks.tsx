'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isCurrentSection, type NavigationItem } from '../../lib/navigation/navigation';

/** The main navigation; marks the current section with aria-current so it is announced and styled. */
export function NavigationLinks({ items }: { items: NavigationItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={isCurrentSection(item.href, pathname) ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
