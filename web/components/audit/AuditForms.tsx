import { Field } from '@/components/ui';

export interface EntitlementChoice {
  applicationId: string;
  key: string;
  displayName: string;
}

/** The two questions the audit page answers; both are plain GET forms, so every answer has its own address. */
export function AuditForms({
  employee,
  entitlement,
  at,
  choices,
}: {
  employee?: string;
  entitlement?: string;
  at?: string;
  choices: EntitlementChoice[];
}) {
  return (
    <div className="two-columns">
      <form className="form panel" method="get" action="/audit" aria-labelledby="identity-question">
        <h2 id="identity-question">A person’s history</h2>
        <Field label="Employee number" name="employee" inputMode="numeric" required defaultValue={employee ?? ''} hint="e.g. 10010" />
        <button type="submit" className="button button--primary">
          Show history
        </button>
      </form>
      <form className="form panel" method="get" action="/audit" aria-labelledby="entitlement-question">
        <h2 id="entitlement-question">Who held an entitlement, and why</h2>
        <Field as="select" label="Entitlement" name="entitlement" required defaultValue={entitlement ?? ''}>
          <option value="">Choose…</option>
          {choices.map((choice) => (
            <option key={`${choice.applicationId}:${choice.key}`} value={`${choice.applicationId}:${choice.key}`}>
              {choice.applicationId}: {choice.displayName} ({choice.key})
            </option>
          ))}
        </Field>
        <Field label="At (UTC)" name="at" type="datetime-local" step={1} defaultValue={at ?? ''} hint="Empty: now." />
        <button type="submit" className="button button--primary">
          Show holders
        </button>
      </form>
    </div>
  );
}
