import type { ReactNode } from 'react';
import { AdminNavigation } from '@/components/admin/AdminNavigation';
import { ReadersOnly } from '@/components/admin/ReadersOnly';
import { readsEverything } from '@/components/admin/roles';
import { requireSession } from '@/lib/session';

/** Administration is for administrators and auditors; the services refuse everyone else's reads anyway. */
export default async function AdministrationLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  if (!readsEverything(session)) return <ReadersOnly title="Administration" />;
  return (
    <>
      <AdminNavigation />
      {!session.roles.includes('administrator') ? (
        <p className="notice notice--info" role="status">
          You are an auditor: you can read everything here, and change nothing.
        </p>
      ) : null}
      {children}
    </>
  );
}
