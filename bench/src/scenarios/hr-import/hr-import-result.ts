import { perSecond } from '../../measure/timing';
import { round } from '../../report/format';
import { MIN_IDENTITIES_PER_S } from './hr-import-plan';

export interface HrImportMeasurements {
  readonly plan: 'quick' | 'full';
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly postgres: string;
  readonly people: number;
  readonly hires: number;
  readonly failed: number;
  readonly generateMs: number;
  /** importCsv of the first file: read, diff, apply every hire, until it returned. */
  readonly importMs: number;
  /** From the import's return until the directory read model showed every hire. */
  readonly directoryLagMs: number;
  readonly raw: { readonly rows: number; readonly elapsedMs: number };
  readonly movers: number;
  readonly leavers: number;
  readonly changesApplied: number;
  readonly changesFailed: number;
  /** importCsv of the second file, which the mass-change guard holds. */
  readonly holdMs: number;
  /** An administrator's confirmation of the held run: applies every change. */
  readonly confirmMs: number;
  readonly rawChanges: { readonly rows: number; readonly elapsedMs: number };
  readonly peakRssMb: number;
}

/** The one JSON line the scenario ends with. */
export function buildHrImportResult(m: HrImportMeasurements): Record<string, string | number | boolean> {
  const identitiesPerS = perSecond(m.hires, m.importMs);
  const changes = m.movers + m.leavers;
  const rawPerS = perSecond(m.raw.rows, m.raw.elapsedMs);
  return {
    scenario: 'hr-import',
    plan: m.plan,
    started_at: m.startedAt.toISOString(),
    duration_s: round(m.durationMs / 1000, 1),
    postgres: m.postgres,

    people: m.people,
    hires: m.hires,
    failed: m.failed,
    generate_ms: round(m.generateMs, 0),
    import_ms: round(m.importMs, 0),
    identities_per_s: round(identitiesPerS, 0),
    directory_lag_ms: round(m.directoryLagMs, 0),
    identities_visible_per_s: round(perSecond(m.hires, m.importMs + m.directoryLagMs), 0),
    raw_rows_per_s: round(rawPerS, 0),
    ratio_vs_raw: round(rawPerS > 0 ? identitiesPerS / rawPerS : 0, 4),

    movers: m.movers,
    leavers: m.leavers,
    changes_applied: m.changesApplied,
    changes_failed: m.changesFailed,
    hold_ms: round(m.holdMs, 0),
    confirm_ms: round(m.confirmMs, 0),
    changes_per_s: round(perSecond(changes, m.confirmMs), 0),
    changes_end_to_end_per_s: round(perSecond(changes, m.holdMs + m.confirmMs), 0),
    raw_changes_rows_per_s: round(perSecond(m.rawChanges.rows, m.rawChanges.elapsedMs), 0),

    peak_rss_mb: round(m.peakRssMb, 1),
    target_met: identitiesPerS >= MIN_IDENTITIES_PER_S,
  };
}
