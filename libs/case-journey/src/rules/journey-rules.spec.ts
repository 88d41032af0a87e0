import { enforce } from './journey-rule';
import { JourneyRuleViolation } from './journey-rule-violation';
import { JOURNEY_RULE_IDS } from './journey-rules';
import { instantMustBeValid, receivedNotBeforeOccurred } from './timing.rules';

const thrownBy = (act: () => void): unknown => {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('the journey rules', () => {
  it('each have a distinct, stable kebab-case id', () => {
    expect(new Set(JOURNEY_RULE_IDS).size).toBe(JOURNEY_RULE_IDS.length);
    for (const id of JOURNEY_RULE_IDS) expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
  });

  describe('when enforced', () => {
    it('pass in silence when they hold', () => {
      expect(() => enforce(receivedNotBeforeOccurred, '2026-03-31T09:00:00Z', '2026-03-31T10:00:00Z')).not.toThrow();
    });

    it('are broken with an error that names the rule, explains it with the arguments and points at the field', () => {
      const violation = thrownBy(() => enforce(receivedNotBeforeOccurred, '2026-03-31T10:00:00Z', '2026-03-31T09:00:00Z'));
      expect(violation).toBeInstanceOf(JourneyRuleViolation);
      expect(violation).toMatchObject({
        name: 'JourneyRuleViolation',
        rule: 'received-not-before-occurred',
        field: 'metadata.receivedAt',
        message: 'receivedAt 2026-03-31T09:00:00Z is before the event occurred (2026-03-31T10:00:00Z)',
      });
    });

    it('point at the field the arguments name, for a rule that applies to many', () => {
      expect(thrownBy(() => enforce(instantMustBeValid, 'data.scheduledFor', 'next Tuesday'))).toMatchObject({
        rule: 'instant-must-be-valid',
        field: 'data.scheduledFor',
      });
    });
  });
});
