import Link from 'next/link';
import { PageHeader } from '@/components/ui';

/** What someone who is neither an administrator nor an auditor sees on an administration or audit page. */
export function ReadersOnly({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="notice notice--info" role="status">
        <p className="notice__title">This page is for administrators and auditors</p>
        <p>
          Your access, requests, approvals and reviews are on the <Link href="/">dashboard</Link>.
        </p>
      </div>
    </>
  );
}
