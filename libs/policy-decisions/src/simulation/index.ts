export { compareEmployeeNumbers } from './employee-number-order';
export type { SimulationInput } from './simulation-input';
export { simulateDraft } from './simulate-draft';
