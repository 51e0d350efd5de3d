'use client';

import { ErrorNotice } from '@/components/ui/ErrorNotice';

/** Any page's unexpected failure (the gateway down, a refused query): what happened and a way to retry. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorNotice title="This page could not be shown" message={error.message || 'An unexpected error occurred.'}>
      {error.digest ? <p className="notice__code">Reference: {error.digest}</p> : null}
      <button type="button" className="button button--secondary" onClick={() => reset()}>
        Try again
      </button>
    </ErrorNotice>
  );
}
