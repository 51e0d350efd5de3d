import type { PublishedManualTaskOpened } from '@tenure/contracts';
import type { ManualTaskOpened } from '../domain/operation';
import type { Honours } from './honours-contract';

/**
 * Compile-time check that a manual task's opening still satisfies what the workflow service's
 * notifications read (@tenure/contracts provisioning-events.ts). Changing either side fails to compile here.
 */
export const manualTaskHonoursContract: Honours<ManualTaskOpened, PublishedManualTaskOpened> = true;
