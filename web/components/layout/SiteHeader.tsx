import Link from 'next/link';
import { navigationFor } from '../../lib/navigation/navigation';
import type { Session } from '../../lib/session/session-types';
import { NavigationLinks } from './NavigationLinks';
import { SignOutButton } from './SignOutButton';

const ROLE_LABELS = { administrator: 'Administrator', auditor: 'Auditor' } as const;

export function SiteHeader({ session }: { session: Session | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          Tenure
        </Link>
        {session ? (
          <>
            <div className="site-header__user">
              <span className="site-header__name">
                Signed in as <strong>{session.name}</strong>
                {session.roles.length > 0 ? ` (${session.roles.map((role) => ROLE_LABELS[role]).join(', ')})` : null}
              </span>
              <SignOutButton />
            </div>
            <NavigationLinks items={navigationFor(session.roles)} />
          </>
        ) : (
          <div className="site-header__user">
            <a className="button button--primary" href="/auth/sign-in">
              Sign in
            </a>
          </div>
        )}
      </div>
    </header>
  );
}
