import { JourneyRuleViolation } from '../rules/journey-rule-violation';
import type { JourneyRuleId } from '../rules/journey-rules';

export interface SpecifiedDecider<State, Command, Event> {
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}

/**
 * Given/when/then for a decider, in the Emmett style:
 *
 *   const given = DeciderSpecification.for({ decide, evolve, initialState });
 *   given([aCrimeReport()]).when(aCommand('HearingListed', {...})).thenThrows('case-must-be-charged');
 *
 * The given events are folded with `evolve` exactly as the API folds a stream before deciding.
 */
export const DeciderSpecification = {
  for<State, Command, Event>(decider: SpecifiedDecider<State, Command, Event>) {
    return (given: readonly Event[] = []) => ({
      when: (command: Command) => {
        const decideOnGiven = () => decider.decide(command, given.reduce(decider.evolve, decider.initialState()));
        return {
          then(expected: readonly Event[]): void {
            expect(decideOnGiven()).toEqual(expected);
          },
          /** Asserts the command breaks `rule` (and names `field`, when given) and decides nothing. */
          thenThrows(rule: JourneyRuleId, field?: string): void {
            const violation = violationOf(decideOnGiven);
            expect(violation.rule).toBe(rule);
            if (field !== undefined) expect(violation.field).toBe(field);
          },
        };
      },
    });
  },
};

function violationOf(decision: () => unknown): JourneyRuleViolation {
  let events: unknown;
  try {
    events = decision();
  } catch (error) {
    if (error instanceof JourneyRuleViolation) return error;
    throw new Error(`Expected a JourneyRuleViolation, but the decider threw ${String(error)}`);
  }
  throw new Error(`Expected a JourneyRuleViolation, but the decider decided ${JSON.stringify(events)}`);
}
