import { afterChargeScenarios } from './after-charge';
import { courtScenarios } from './court';
import { entitlementScenarios } from './entitlements';
import type { GoldenScenario } from './golden-scenario';
import { historyScenarios } from './history';
import { investigationScenarios } from './investigation';

export type { ExpectedObligation, GoldenScenario } from './golden-scenario';

export const goldenScenarios: GoldenScenario[] = [
  ...investigationScenarios,
  ...courtScenarios,
  ...afterChargeScenarios,
  ...historyScenarios,
  ...entitlementScenarios,
];
