import type {
  PublishedApplicationOwnerChanged,
  PublishedApplicationRegistered,
  PublishedEntitlementAnnotated,
  PublishedEntitlementDiscovered,
} from '@tenure/contracts';
import type { ApplicationOwnerChanged, ApplicationRegistered } from '../domain/application';
import type { EntitlementAnnotated, EntitlementDiscovered } from '../domain/catalog';
import type { Honours } from './honours-contract';

/**
 * Compile-time check that the application and catalog events still satisfy what the workflow
 * service folds (@tenure/contracts catalog-events.ts). Changing either side fails to compile here.
 */
export const registrationHonoursContract: Honours<ApplicationRegistered, PublishedApplicationRegistered> = true;
export const ownerChangeHonoursContract: Honours<ApplicationOwnerChanged, PublishedApplicationOwnerChanged> = true;
export const discoveryHonoursContract: Honours<EntitlementDiscovered, PublishedEntitlementDiscovered> = true;
export const annotationHonoursContract: Honours<EntitlementAnnotated, PublishedEntitlementAnnotated> = true;
