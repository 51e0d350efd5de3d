import type { Actor, Clock, EventStore, IdGenerator } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Pool } from 'pg';
import type { GeneratedPerson } from './generate-people';

/**
 * The identity service's HR import, loaded from its build output (`services/identity/dist`) at run
 * time. The bench is an app and so is the identity service: the Nx module-boundary rule forbids one
 * app importing another, so nothing here is a static import. The shapes below are the few members
 * the benchmark calls; the identity service's own types stay the source of truth. `npm run bench`
 * builds the identity service first (an implicit Nx dependency of the bench), so the dist is current.
 */
export interface HrImportOutcomeView {
  readonly runId: string;
  readonly status: 'applied' | 'held' | 'refused' | 'discarded';
  readonly counts: Readonly<Record<'hires' | 'rehires' | 'movers' | 'updates' | 'leavers' | 'failed' | 'rejected', number>>;
  readonly failures: readonly { readonly employeeNumber: string; readonly code: string; readonly error: string }[];
  readonly holdReasons: readonly string[];
  readonly heldSummary: Readonly<Record<string, number>> | null;
  readonly fileErrors: readonly string[];
}

export interface HrImportServiceView {
  importCsv(request: { fileName: string; content: string; complete: boolean; actor: Actor }): Promise<HrImportOutcomeView>;
  confirm(runId: string, actor: Actor): Promise<HrImportOutcomeView>;
}

export interface IdentityDist {
  readonly identityDirectoryProjection: Projection;
  /** The live feeds' burst-guard projection: the service runs it over the same identity events. */
  readonly feedGuardProjection: Projection;
  writeHrCsv(records: readonly GeneratedPerson[]): string;
  newHrImportService(deps: {
    store: EventStore;
    pool: Pool;
    clock: Clock;
    ids: IdGenerator;
    directoryCaughtUp: () => Promise<void>;
  }): HrImportServiceView;
}

const IDENTITY_DIST = resolve(__dirname, '../../../../services/identity/dist');

export function loadIdentityDist(): IdentityDist {
  const entry = join(IDENTITY_DIST, 'hr-imports/application/hr-import-service.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: build the identity service first (npx nx run @tenure/identity-service:build)`);
  }
  const service = load<{ HrImportService: new (deps: unknown) => HrImportServiceView }>('hr-imports/application/hr-import-service.js');
  const csv = load<{ writeHrCsv: IdentityDist['writeHrCsv'] }>('hr-inputs/csv/index.js');
  const projection = load<{ identityDirectoryProjection: Projection }>('read-model/identity-directory.projection.js');
  const feedGuard = load<{ feedGuardProjection: Projection }>('hr-inputs/feed-guard/feed-guard.projection.js');
  return {
    identityDirectoryProjection: projection.identityDirectoryProjection,
    feedGuardProjection: feedGuard.feedGuardProjection,
    writeHrCsv: csv.writeHrCsv,
    newHrImportService: (deps) => new service.HrImportService(deps),
  };
}

function load<T>(relativePath: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time (see above)
  return require(join(IDENTITY_DIST, relativePath)) as T;
}
