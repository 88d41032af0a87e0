import type { AppConfiguration } from '@case-journey/platform';
import type { BodyRules } from './dto';

/** The rules of a request body that a deployment sets. */
export const bodyRulesOf = (configuration: AppConfiguration): BodyRules => ({
  earliestInstant: `${configuration.earliestHandoffDate}T00:00:00.000Z`,
});
