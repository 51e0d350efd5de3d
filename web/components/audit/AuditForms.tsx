import layout from '@/components/admin/layout.module.css';
import { Field } from '@/components/ui';
import { HELD_BASES, HELD_BASIS_TEXT, type HeldBasis, type TimeQuestionErrors } from './time-question';

export interface EntitlementChoice {
  applicationId: string;
  key: string;
  displayName: string;
}

export interface AuditFormErrors extends TimeQuestionErrors {
  entitlement?: string;
}

/** The two questions the audit page answers; both are plain GET forms, so every answer has its own address. */
export function AuditForms({
  employee,
  entitlement,
  at,
  basis,
  choices,
  personErrors = {},
  entitlementErrors = {},
}: {
  employee?: string;
  entitlement?: string;
  at?: string;
  basis?: string;
  choices: EntitlementChoice[];
  personErrors?: TimeQuestionErrors;
  entitlementErrors?: AuditFormErrors;
}) {
  return (
    <>
      <p className="notice notice--info">
        Times are in UTC, here and in every answer on this page (not your browser’s time zone). Questions about a past instant are answered
        from the recorded events, so they are exact.
      </p>
      <div className="two-columns">
        <form className="form panel" method="get" action="/audit" aria-labelledby="identity-question">
          <h2 id="identity-question">A person’s history, and what they held</h2>
          <Field label="Employee number" name="employee" inputMode="numeric" required defaultValue={employee ?? ''} hint="e.g. 10010" />
          <TimeFields prefix="person" at={at} basis={basis} errors={personErrors} />
          <button type="submit" className="button button--primary">
            Show history
          </button>
        </form>
        <form className="form panel" method="get" action="/audit" aria-labelledby="entitlement-question">
          <h2 id="entitlement-question">Who held an entitlement, and why</h2>
          <Field
            as="select"
            label="Entitlement"
            name="entitlement"
            required
            defaultValue={entitlement ?? ''}
            error={entitlementErrors.entitlement}
          >
            <option value="">Choose…</option>
            {entitlement && !choices.some((choice) => `${choice.applicationId}:${choice.key}` === entitlement) ? (
              <option value={entitlement}>{entitlement}</option>
            ) : null}
            {choices.map((choice) => (
              <option key={`${choice.applicationId}:${choice.key}`} value={`${choice.applicationId}:${choice.key}`}>
                {choice.applicationId}: {choice.displayName} ({choice.key})
              </option>
            ))}
          </Field>
          <TimeFields prefix="entitlement" at={at} basis={basis} errors={entitlementErrors} />
          <button type="submit" className="button button--primary">
            Show holders
          </button>
        </form>
      </div>
    </>
  );
}

/** The instant (UTC, to the second) and what "held" means; each form has its own, hence the id prefix. */
function TimeFields({ prefix, at, basis, errors }: { prefix: string; at?: string; basis?: string; errors: TimeQuestionErrors }) {
  const chosen: HeldBasis = basis === 'ASSIGNED' ? 'ASSIGNED' : 'IN_APPLICATION';
  const errorId = `${prefix}-basis-error`;
  return (
    <>
      <Field
        label="At (UTC)"
        name="at"
        id={`${prefix}-at`}
        type="datetime-local"
        step={1}
        defaultValue={at ?? ''}
        hint="A UTC date and time, to the second. Empty: now."
        error={errors.at}
      />
      <fieldset className={layout.choices} aria-describedby={errors.basis ? errorId : undefined}>
        <legend>Held means</legend>
        {HELD_BASES.map((value) => (
          <label key={value}>
            <input type="radio" name="basis" value={value} defaultChecked={chosen === value} />
            <span>
              {HELD_BASIS_TEXT[value].label}
              <span className="muted">: {HELD_BASIS_TEXT[value].explanation}</span>
            </span>
          </label>
        ))}
        {errors.basis ? (
          <p className="field__error" id={errorId}>
            {errors.basis}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
