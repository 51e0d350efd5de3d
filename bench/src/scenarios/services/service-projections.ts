import type { Projection } from '@tenure/event-store-postgres';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const SERVICES = ['identity', 'policy', 'workflow', 'connector'] as const;

/**
 * Every read model of the four services, from their build output (`services/<name>/dist/projections.js`,
 * the list `npm run replay` uses): the bench may not import the apps (Nx module boundaries).
 */
export function loadServiceProjections(): Projection[] {
  return SERVICES.flatMap((service) => {
    const entry = resolve(__dirname, `../../../../services/${service}/dist/projections.js`);
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build the ${service} service first (npm run bench builds it)`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an app's build output, loaded at run time (see above)
    return (require(entry) as { projections: Projection[] }).projections;
  });
}
