import { Field } from '@/components/ui';
import type { ReportPeriod } from './report-period';

/** A plain GET form on the dashboard: each period has its own address. */
export function ReportPeriodForm({ period, error }: { period: ReportPeriod; error?: string | undefined }) {
  return (
    <form className="form panel" method="get" action="/" aria-labelledby="reports-period-title">
      <h3 id="reports-period-title">Period</h3>
      <p className="muted">
        {period.isDefault ? 'The last 30 days' : `${period.fromDay} to ${period.toDay}`} (UTC days, both included). Orphaned accounts,
        standing privileged access and SoD violations are as they stand now.
      </p>
      <Field label="First day" name="reportsFrom" type="date" defaultValue={period.fromDay} error={error} />
      <Field label="Last day" name="reportsTo" type="date" defaultValue={period.toDay} />
      <button type="submit" className="button">
        Show reports
      </button>
    </form>
  );
}
