import { gatewayScenario } from './gateway';
import { hrImportScenario } from './hr-import';
import { jitScenario } from './jit';
import { leaverScenario } from './leaver';
import { policyScenario } from './policy';
import { provisioningScenario } from './provisioning';
import { replayScenario } from './replay';
import type { Scenario } from './scenario';
import { storeScenario } from './store';

/** Every scenario `npm run bench -- <name>` knows. */
export const SCENARIOS: readonly Scenario[] = [
  storeScenario,
  hrImportScenario,
  policyScenario,
  provisioningScenario,
  leaverScenario,
  jitScenario,
  gatewayScenario,
  replayScenario,
];
