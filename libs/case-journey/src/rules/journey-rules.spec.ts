import { JourneyRuleViolation } from './journey-rule-violation';
import { JOURNEY_RULE_IDS } from './journey-rules';

describe('the journey rules', () => {
  it('each have a distinct, stable kebab-case id', () => {
    expect(new Set(JOURNEY_RULE_IDS).size).toBe(JOURNEY_RULE_IDS.length);
    for (const id of JOURNEY_RULE_IDS) expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
  });

  it('are broken with an error that names the rule, explains it and points at the field', () => {
    const violation = new JourneyRuleViolation('hearing-must-be-listed', 'Hearing h-9 has not been listed', 'data.hearingId');
    expect(violation).toBeInstanceOf(Error);
    expect(violation).toMatchObject({ name: 'JourneyRuleViolation', rule: 'hearing-must-be-listed', field: 'data.hearingId', message: 'Hearing h-9 has not been listed' });
  });
});
