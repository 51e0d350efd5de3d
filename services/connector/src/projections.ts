/** Every read model this service keeps, for `npm run replay`. */
export { CONNECTOR_PROJECTIONS as projections } from './application/connector-runtime';
