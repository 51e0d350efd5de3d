export { workflowCatalogProjection } from './workflow-catalog.projection';
export { applicationOwnerOf, catalogEntitlement, type CatalogEntitlementInfo } from './workflow-catalog.queries';
