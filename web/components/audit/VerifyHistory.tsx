'use client';

import { useActionState } from 'react';
import { verifyHistory } from '@/app/audit/actions';
import { SubmitButton } from '@/components/ui';
import { initialVerificationState } from './event-log-verification';
import { VerificationResult } from './VerificationResult';

/**
 * "Verify the history": recomputes every identity event's SHA-256 chain and compares the stream heads with the
 * latest checkpoint, or with a checkpoint the auditor kept. A POST (server action), not a GET link: it reads the whole
 * log, so it runs only when asked.
 */
export function VerifyHistory() {
  const [state, action, pending] = useActionState(verifyHistory, initialVerificationState);
  return (
    <section className="panel stack" aria-labelledby="verify-history">
      <h2 id="verify-history">Verify the history</h2>
      <p className="muted">
        Every recorded event carries the SHA-256 hash of the one before it in its stream. Verifying recomputes every chain, so a changed,
        removed, inserted or reordered event shows, and compares each stream’s head with the latest checkpoint.
      </p>
      <form action={action} aria-label="Verify the history" className="stack">
        <div className="field">
          <label htmlFor="kept-checkpoint">Against a checkpoint you kept (optional)</label>
          <input id="kept-checkpoint" type="file" name="checkpoint" accept="application/json,.json" />
          <p className="field__hint">Without one, the heads are compared with the latest checkpoint in Tenure.</p>
        </div>
        <SubmitButton pendingLabel="Verifying…">Verify the history now</SubmitButton>
      </form>
      <div aria-live="polite">
        {pending ? <p role="status">Verifying every event’s hash chain…</p> : null}
        {!pending && state.status === 'error' ? (
          <p className="notice notice--error" role="alert">
            {state.message}
          </p>
        ) : null}
        {!pending && state.status === 'done' ? <VerificationResult verification={state.verification} /> : null}
      </div>
      <p className="muted">
        To keep a copy outside Tenure, <a href="/audit/checkpoint">download the latest checkpoint</a> (or run{' '}
        <code>npm run audit:verify -- --export-checkpoint &lt;file&gt;</code>) and later verify against it here (or with{' '}
        <code>npm run audit:verify -- --against &lt;file&gt;</code>): a stream whose last events were removed since then shows too.
      </p>
    </section>
  );
}
