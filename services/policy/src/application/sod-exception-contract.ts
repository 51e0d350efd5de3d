import type { PublishedSodExceptionExpired, PublishedSodExceptionGranted, PublishedSodExceptionRevoked } from '@tenure/contracts';
import type { SodExceptionExpired, SodExceptionGranted, SodExceptionRevoked } from '../domain/sod-exception';

/** Both ways assignable: the event is the published contract, no field more and none less. */
type SameShape<Event, Published> = [Event] extends [Published] ? ([Published] extends [Event] ? true : never) : never;

/**
 * Compile-time check that the SoD exception events still are what the workflow service folds to
 * decide preventive SoD (@tenure/contracts sod-exception-events.ts). Changing either side fails here.
 */
export const grantHonoursContract: SameShape<SodExceptionGranted, PublishedSodExceptionGranted> = true;
export const revocationHonoursContract: SameShape<SodExceptionRevoked, PublishedSodExceptionRevoked> = true;
export const expiryHonoursContract: SameShape<SodExceptionExpired, PublishedSodExceptionExpired> = true;
