import layout from '@/components/admin/layout.module.css';
import { Field } from '@/components/ui';
import type { EvidenceKindChoice } from '@/lib/evidence/evidence-query';

/**
 * The evidence export as one zip (GET /audit/evidence): a plain form, so the browser downloads the answer.
 * Every kind is ticked to start with; the period bounds the kinds that are events in time.
 */
export function EvidenceDownload({ kinds }: { kinds: readonly EvidenceKindChoice[] }) {
  return (
    <form className="form panel" method="get" action="/audit/evidence" aria-labelledby="evidence-download">
      <h2 id="evidence-download">Download evidence</h2>
      <p className="muted">
        A zip of CSV and JSON files with manifest.json, which lists every file’s SHA-256; check a kept copy with{' '}
        <code>npm run evidence -- verify &lt;folder&gt;</code> after unzipping.
      </p>
      <fieldset className={layout.choices}>
        <legend>Kinds to include</legend>
        {kinds.map((kind) => (
          <label key={kind.name}>
            <input type="checkbox" name="kind" value={kind.name} defaultChecked /> <code>{kind.name}</code> — {kind.description}
          </label>
        ))}
      </fieldset>
      <Field
        label="From (UTC)"
        name="from"
        id="evidence-from"
        type="datetime-local"
        step={1}
        hint="Optional: the start of the period for grants. Empty: from the beginning."
      />
      <Field label="To (UTC)" name="to" id="evidence-to" type="datetime-local" step={1} hint="Optional. Empty: now." />
      <button type="submit" className="button button--primary">
        Download evidence
      </button>
    </form>
  );
}
