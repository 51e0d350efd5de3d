/** Every read model this service keeps, for `npm run replay` (its background work runs the same ones). */
import { hrImportRunsProjection } from './hr-imports/read-model/hr-import-runs.projection';
import { feedGuardProjection } from './hr-inputs/feed-guard/feed-guard.projection';
import { auditTrailProjection } from './read-model/audit-trail/audit-trail.projection';
import { identityDirectoryProjection } from './read-model/identity-directory.projection';

export const projections = [identityDirectoryProjection, feedGuardProjection, hrImportRunsProjection, auditTrailProjection];
