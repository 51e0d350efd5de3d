/** Every read model this service keeps, for `npm run replay`. */
export { WORKFLOW_PROJECTIONS as projections } from './application/workflow-runtime';
