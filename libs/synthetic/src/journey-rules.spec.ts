import { caseStateFrom, decide, evolve, JourneyRuleViolation, type CaseCommand, type CaseEvent } from '@case-journey/domain';
import type { GeneratorProfile } from './profile';
import { BENCH_PROFILE, DEMO_PROFILE } from './profiles';
import { generate } from './testing/generate';

/** The command an agency feed would have sent for the event, at the time it was recorded. */
function commandFor(event: CaseEvent): CaseCommand {
  const { recordedAt, schemaVersion: _version, ...facts } = event.metadata;
  return { type: event.type, data: event.data, metadata: { ...facts, now: recordedAt } } as CaseCommand;
}

/** Replays a case through `decide`, in delivery order; the violations it meets. */
function violationsOf(events: readonly CaseEvent[]): string[] {
  let state = caseStateFrom([]);
  const found: string[] = [];
  for (const event of events) {
    try {
      for (const decided of decide(commandFor(event), state)) state = evolve(state, decided);
    } catch (error) {
      if (!(error instanceof JourneyRuleViolation)) throw error;
      found.push(`${event.type} ${event.metadata.eventId}: ${error.rule} (${error.message})`);
    }
  }
  return found;
}

/** Feeds far untidier than real ones, and prosecutions that branch often: the rules must hold all the same. */
const untidy: GeneratorProfile = {
  ...BENCH_PROFILE,
  prosecution: { ...BENCH_PROFILE.prosecution, appealed: 0.5, discontinued: 0.2, victimWithdrawsBeforeTrial: 0.2, chargesAltered: 0.5 },
  victimContactScheme: { ...BENCH_PROFILE.victimContactScheme, optOut: 0.5, optBackIn: 0.5 },
  feeds: { ...BENCH_PROFILE.feeds, lateRecorded: 0.3, corrected: 0.2, retracted: 0.2, duplicateDelivery: 0.05 },
};

describe('generated journeys follow the journey’s rules', () => {
  it.each([
    ['demo', 400, DEMO_PROFILE],
    ['bench', 1000, BENCH_PROFILE],
    ['untidy', 1000, untidy],
  ] as const)('%s profile: every delivery of %i cases is accepted by decide (a re-delivery adds nothing)', (_name, count, profile) => {
    const { cases } = generate(profile, { cases: count, seed: 2026 });
    const violations = cases.flatMap((generated) => violationsOf(generated.events));
    expect(violations).toEqual([]);
  });

  it('and would be caught if they did not: a sentence delivered before its conviction is refused', () => {
    const { cases } = generate(BENCH_PROFILE, { cases: 600, seed: 2026 });
    const sentenced = cases.find((generated) => generated.events.some((event) => event.type === 'SentencePassed'));
    if (!sentenced) throw new Error('no sentenced case in the sample');
    const sentence = sentenced.events.findIndex((event) => event.type === 'SentencePassed');
    const reordered = [sentenced.events[0], sentenced.events[sentence], ...sentenced.events.slice(1, sentence)];
    expect(violationsOf(reordered).join('\n')).toMatch(/hearing-must-be-listed|case-must-be-charged|sentence-needs-conviction/);
  });
});
