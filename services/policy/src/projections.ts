/** Every read model this service keeps, for `npm run replay`. */
export { POLICY_PROJECTIONS as projections } from './application/policy-runtime';
