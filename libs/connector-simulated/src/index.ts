export { createSimulatedSaasConnector, type SimulatedSaasOptions } from './create-simulated-saas-connector';
export { SimulatedSaasConnector } from './simulated-saas-connector';
export { realTime, SimulatedNetwork, type NetworkFaults, type SimulatedTime } from './simulated-network';
export {
  parseSimulatedSaasSettings,
  simulatedSaasSettingsSchema,
  type SimulatedEntitlement,
  type SimulatedSaasSettings,
  type SimulatedSaasSettingsInput,
} from './simulated-settings';
export { SimulatedSaasTarget } from './simulated-target';
export { sharedSimulatedTargets, SimulatedTargets } from './simulated-targets';
export { seededRandom } from './seeded-random';
