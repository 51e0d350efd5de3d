import type { Metadata } from 'next';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { PageHeader } from '@/components/ui/PageHeader';
import { signInErrorMessage } from '@/lib/auth/sign-in-errors';

export const metadata: Metadata = { title: 'Sign-in problem' };

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ reason?: string | string[] }> }) {
  const { reason } = await searchParams;
  return (
    <>
      <PageHeader title="You are not signed in" />
      <ErrorNotice title="Sign-in did not complete" message={signInErrorMessage(Array.isArray(reason) ? reason[0] : reason)} />
      <a className="button button--primary" href="/auth/sign-in">
        Sign in again
      </a>
    </>
  );
}
