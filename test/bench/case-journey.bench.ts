/**
 * Case journey decision model benchmark: what the API pays on every write to a case of a given
 * length (fold the stream, decide the command, evolve), and what a correction costs on top.
 * Rerun with
 *   node -r @swc-node/register test/bench/case-journey.bench.ts [--iterations=2000]
 * Prints µs per operation (median and p90) after a warm-up, for cases of 50, 300 and 1,000 events.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { caseStateFrom, decide, evolve, initialState, type CaseCommand, type CaseEvent, type CaseState } from '@case-journey/domain';
import { aCharge, aCommand, aVictim, type DataFor } from '../../libs/case-journey/src/testing/case-builders';
import type { CaseEventType } from '../../libs/case-journey/src/events';
import { benchOptions } from './bench-options';

const ITERATIONS = benchOptions({ iterations: { type: 'integer', default: 2_000 } }).iterations;
const WARM_UP = Math.ceil(ITERATIONS / 10);
const HOUR = 3_600_000;
const START = Date.parse('2025-01-06T09:00:00.000Z');
const NOW = new Date(START + 5_000 * HOUR).toISOString();

/** A case of `length` events, every one decided on the case so far: two victims, a charge, then hearings and contacts. */
function aCaseOf(length: number): CaseEvent[] {
  let state = initialState();
  const stream: CaseEvent[] = [];
  const record = <T extends CaseEventType>(type: T, data: DataFor<T>) => {
    const occurredAt = new Date(START + stream.length * HOUR).toISOString();
    const events = decide(aCommand(type, data, { occurredAt, now: NOW }) as CaseCommand, state);
    stream.push(...events);
    state = events.reduce(evolve, state);
  };
  record('CrimeReported', {
    area: 'Hertfordshire',
    offence: { description: 'Wounding with intent', category: 'wounding-gbh-with-intent' },
    victims: [aVictim(), aVictim({ victimId: 'victim-2' })],
  });
  record('ChargeDecisionMade', { decision: 'charge', decidedBy: 'CPS', charges: [aCharge()] });
  for (let hearing = 1; stream.length < length; hearing++) {
    const hearingId = `hearing-${hearing}`;
    record('HearingListed', { hearingId, hearingType: 'mention', court: 'St Albans', courtTier: 'crown', scheduledFor: NOW });
    record('CourtNoticeReceived', { hearingId, notice: 'hearing-listing' });
    record('VictimInformed', { victimId: 'victim-1', topic: 'hearing-date', channel: 'email', hearingId });
    record('VictimInformed', { victimId: 'victim-2', topic: 'hearing-date', channel: 'letter', hearingId });
    record('HearingHeld', { hearingId, result: 'adjourned', bailOutcome: 'conditional-bail' });
  }
  return stream.slice(0, length);
}

function measure(operation: () => unknown): { median: number; p90: number } {
  for (let i = 0; i < WARM_UP; i++) operation();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    operation();
    samples.push((performance.now() - started) * 1000);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], p90: samples[Math.floor(samples.length * 0.9)] };
}

const write = (stream: CaseEvent[], command: CaseCommand): CaseState => {
  const state = caseStateFrom(stream);
  return decide(command, state).reduce(evolve, state);
};

const rows: Record<string, string>[] = [];
for (const length of [50, 300, 1_000]) {
  const stream = aCaseOf(length);
  const contact = aCommand('VictimInformed', { victimId: 'victim-1', topic: 'other', channel: 'phone' }, { occurredAt: NOW, now: NOW }) as CaseCommand;
  const firstListing = stream.find((event) => event.type === 'HearingListed')!;
  const correction = aCommand(
    'EventCorrected',
    { correctedEventId: firstListing.metadata.eventId, data: { court: 'Watford' }, reason: 'Wrong court' },
    { occurredAt: NOW, now: NOW },
  ) as CaseCommand;
  const withCorrections = [...stream];
  for (let i = 0; i < 10; i++) withCorrections.push(...decide({ ...correction, metadata: { ...correction.metadata, eventId: `c-${i}` } } as CaseCommand, caseStateFrom(withCorrections)));

  const figures = {
    'fold (caseStateFrom)': measure(() => caseStateFrom(stream)),
    'fold with 10 corrections': measure(() => caseStateFrom(withCorrections)),
    'fold with 10 corrections, reduce(evolve)': measure(() => withCorrections.reduce(evolve, initialState())),
    'write (fold + decide + evolve)': measure(() => write(stream, contact)),
    'correction write': measure(() => write(stream, correction)),
  };
  for (const [operation, { median, p90 }] of Object.entries(figures)) {
    rows.push({ events: String(length), operation, 'median µs': median.toFixed(1), 'p90 µs': p90.toFixed(1) });
  }
}

console.log(`case-journey decide/evolve, ${ITERATIONS} iterations after ${WARM_UP} warm-up`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load ${loadavg()[0].toFixed(2)}`);
console.table(rows);
