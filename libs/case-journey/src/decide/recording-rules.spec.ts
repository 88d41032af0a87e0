import type { CaseEventType } from '../events';
import { MAX_CLOCK_SKEW_MS } from '../rules/timing.rules';
import { given, NOW, REPORTED_AT, theEventOf } from '../testing/case-builders';
import { scenarioFor, VALID_COMMANDS, withData, withMetadata } from '../testing/valid-commands';
const secondsFromNow = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();

const ALL_TYPES = Object.keys(VALID_COMMANDS) as CaseEventType[];
const ON_A_CASE = ALL_TYPES.filter((type) => type !== 'CrimeReported');

describe.each(ALL_TYPES)('every command: %s', (type) => {
  it('is recorded as its event, stamped with the recording', () => {
    const { given: events, command } = scenarioFor(type);
    given(events).when(command).then([theEventOf(command)]);
  });

  it('is a no-op when its event id is already recorded (a re-delivery)', () => {
    const { given: events, command } = scenarioFor(type);
    given([...events, theEventOf(command)]).when(command).then([]);
  });

  it('may occur up to the allowed clock skew ahead of the recording clock', () => {
    const { given: events, command } = scenarioFor(type);
    const occurredAt = secondsFromNow(MAX_CLOCK_SKEW_MS / 1000);
    const skewed = withMetadata(command, { occurredAt, receivedAt: command.metadata.receivedAt && occurredAt });
    given(events).when(skewed).then([theEventOf(skewed)]);
  });

  it('breaks not-in-the-future when it occurs beyond the clock skew', () => {
    const { given: events, command } = scenarioFor(type);
    given(events)
      .when(withMetadata(command, { occurredAt: secondsFromNow(MAX_CLOCK_SKEW_MS / 1000 + 1) }))
      .thenThrows('not-in-the-future', 'metadata.occurredAt');
  });

  it('breaks not-in-the-future when it is received in the future', () => {
    const { given: events, command } = scenarioFor(type);
    given(events).when(withMetadata(command, { receivedAt: secondsFromNow(3600) })).thenThrows('not-in-the-future', 'metadata.receivedAt');
  });

  it('breaks received-not-before-occurred when received before it occurred', () => {
    const { given: events, command } = scenarioFor(type);
    const receivedAt = new Date(Date.parse(command.metadata.occurredAt) - 60_000).toISOString();
    given(events).when(withMetadata(command, { receivedAt })).thenThrows('received-not-before-occurred', 'metadata.receivedAt');
  });

  it.each([
    ['occurredAt', { occurredAt: '31/03/2026 10:00' }],
    ['occurredAt', { occurredAt: '2026-03-31T10:00:00' }],
    ['receivedAt', { receivedAt: 'yesterday' }],
    ['now', { now: '' }],
  ] as const)('breaks instant-must-be-valid on a bad %s', (field, metadata) => {
    const { given: events, command } = scenarioFor(type);
    given(events).when(withMetadata(command, metadata)).thenThrows('instant-must-be-valid', `metadata.${field}`);
  });
});

describe.each(ON_A_CASE)('every command on a case: %s', (type) => {
  it('breaks case-must-exist when no crime was reported', () => {
    given([]).when(scenarioFor(type).command).thenThrows('case-must-exist', 'data.caseId');
  });

  it('breaks case-id-must-match when its data names another case', () => {
    const { given: events, command } = scenarioFor(type);
    given(events)
      .when(withData(command, { caseId: 'case-2' }))
      .thenThrows('case-id-must-match', 'data.caseId');
  });

  it('breaks nothing-before-crime-report when it occurred before the report', () => {
    const { given: events, command } = scenarioFor(type);
    const before = new Date(Date.parse(REPORTED_AT) - 1000).toISOString();
    given(events).when(withMetadata(command, { occurredAt: before })).thenThrows('nothing-before-crime-report', 'metadata.occurredAt');
  });
});
