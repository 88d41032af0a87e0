/**
 * Where the Victims' Code catch-up's CPU goes, phase by phase, in this process alone (no Redis, no
 * runner, no deadline jobs): what any design of the catch-up must still do for each event, measured
 * apart so that a change to one phase shows above the machine's noise.
 *   node --max-semi-space-size=64 -r @swc-node/register test/bench/obligations-phases.bench.ts --data-dir=/tmp/cj-slice [--events=40000] [--rounds=4]
 * Reads the first `--events` of the log in pages of 2,000 (as the subscription does), groups them by
 * case, judges each case as of the profile's clock, and builds each batch's writes (batches of about
 * 150 cases, as the catch-up's 2,000 events hold), printing each phase's CPU per 1,000 events, a line
 * per round: the first round pays for the JIT's warm-up. Each phase runs over all the cases before
 * the next starts, so its garbage is collected partly in the phases after it: the sum is what
 * counts, the parts are close.
 */
import { loadavg } from 'node:os';
import Redis from 'ioredis';
import { caseStateFrom, effectiveEvents, upcast, type CaseEvent } from '@case-journey/domain';
import { SqliteEventStore, type RecordedEvent } from '@case-journey/event-store';
import { caseJudgement, WorkingDayCalendar } from '@case-journey/victims-code';
import { BENCH_PROFILE } from '@case-journey/synthetic';
import { caseObligationsFrom, recordedAsOf, type CaseObligations } from '../../libs/projections/src/obligations/case-obligations';
import { writeCaseChanges, writeCountChanges } from '../../libs/projections/src/obligations/case-changes';
import { ComplianceCounts } from '../../libs/projections/src/obligations/compliance-cells';
import { deadlineChanges } from '../../libs/projections/src/obligations/deadlines';
import { serializeReading } from '../../libs/projections/src/obligations/stored-reading';
import { writeFinderChanges } from '../../libs/projections/src/cases/case-finder.indexes';
import { caseIdOfStream } from '../../libs/projections/src/runner/case-streams';
import { BatchWrites } from '../../libs/projections/src/runner/batch-writes';
import { ProjectionKeys } from '../../libs/projections/src/runner/projection-keys';
import { caseWaitingOnSince } from '../../libs/projections/src/timeline/case-timeline';
import { benchOptions } from './bench-options';

const options = benchOptions({
  'data-dir': { type: 'string', default: '/tmp/cj-slice' },
  events: { type: 'integer', default: 40000 },
  rounds: { type: 'integer', default: 4 },
});
const DATA_DIR = options['data-dir'];
const EVENTS = options.events;
const ROUNDS = options.rounds;
const PAGE = 2000;
const CASES_PER_BATCH = 150;
const NOW = new Date(BENCH_PROFILE.now);

function cpuMs(work: () => void): number {
  const since = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

/** The same for work behind promises (nothing else runs meanwhile in this process). */
async function cpuMsOf(work: () => Promise<void>): Promise<number> {
  const since = process.cpuUsage();
  await work();
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

async function main(): Promise<void> {
  const store = SqliteEventStore.open({ dataDirectory: DATA_DIR });
  const calendar = new WorkingDayCalendar();
  const keys = new ProjectionKeys('phases', 'obligations', 1);
  const redis = new Redis({ lazyConnect: true }); // never connected: its MULTI only queues the commands
  console.log(`load ${loadavg().map((n) => n.toFixed(2)).join(' ')}; the first ${EVENTS} events of ${DATA_DIR}`);
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const phases: Record<string, number> = {};
      let recorded: RecordedEvent[] = [];
      phases['read the store'] = await cpuMsOf(async () => {
        recorded = [];
        for (let after: bigint | undefined; recorded.length < EVENTS; ) {
          const page = await store.readAll({ after, maxCount: PAGE });
          if (page.length === 0) break;
          recorded.push(...page);
          after = page[page.length - 1].position;
        }
      });
      const byCase = new Map<string, CaseEvent[]>();
      phases['upcast, by case'] = cpuMs(() => {
        for (const event of recorded) {
          const caseId = caseIdOfStream(event.streamId);
          if (caseId === undefined) continue;
          const events = byCase.get(caseId);
          if (events) events.push(upcast(event));
          else byCase.set(caseId, [upcast(event)]);
        }
      });
      const cases = [...byCase];
      let folded: Array<{ recorded: readonly CaseEvent[]; state: ReturnType<typeof caseStateFrom> }> = [];
      phases['fold the state'] = cpuMs(() => {
        folded = cases.map(([, events]) => {
          const asRecorded = recordedAsOf(events, NOW);
          return { recorded: asRecorded, state: caseStateFrom(asRecorded) };
        });
      });
      // The engine and who holds the next step, apart, for the record; the reading below does both again.
      let effective: Array<readonly CaseEvent[]> = [];
      phases['(the engine alone)'] = cpuMs(() => {
        effective = folded.map(({ recorded: events }) => effectiveEvents(events));
        for (const events of effective) caseJudgement(events, NOW, { calendar });
      });
      phases['(who holds the next step alone)'] = cpuMs(() => {
        folded.forEach(({ recorded: events, state }, i) => caseWaitingOnSince(events, { effective: effective[i], closed: state.closure !== null }));
      });
      let readings: CaseObligations[] = [];
      phases['the reading (engine, next step, finder entry)'] = cpuMs(() => {
        readings = cases.map(([caseId], i) => caseObligationsFrom(caseId, folded[i], NOW, calendar));
      });
      phases['(serialise the readings alone)'] = cpuMs(() => readings.forEach((reading) => serializeReading(reading)));
      phases['(finder changes alone)'] = cpuMs(() => {
        const writes = new BatchWrites();
        for (const reading of readings) if (reading.finder) writeFinderChanges(writes, keys, null, reading.finder);
      });
      phases['(counts alone)'] = cpuMs(() => {
        for (let at = 0; at < readings.length; at += CASES_PER_BATCH) {
          const counts = new ComplianceCounts();
          for (const reading of readings.slice(at, at + CASES_PER_BATCH)) counts.add(reading);
          writeCountChanges(new BatchWrites(), keys, counts);
        }
      });
      const batches: BatchWrites[] = [];
      phases['the writes (reading, counts, worklist, finder, deadlines)'] = cpuMs(() => {
        for (let at = 0; at < readings.length; at += CASES_PER_BATCH) {
          const writes = new BatchWrites();
          const counts = new ComplianceCounts();
          for (const reading of readings.slice(at, at + CASES_PER_BATCH)) {
            writeCaseChanges(writes, keys, null, reading, counts);
            deadlineChanges(null, reading, calendar, { live: true });
          }
          writeCountChanges(writes, keys, counts);
          batches.push(writes);
        }
      });
      phases['queue them on a MULTI'] = cpuMs(() => {
        for (const writes of batches) writes.sendInto(redis.multi());
      });
      const per1000 = (ms: number) => ((ms / recorded.length) * 1000).toFixed(2);
      const counted = Object.entries(phases).filter(([name]) => !name.startsWith('('));
      const total = counted.reduce((sum, [, ms]) => sum + ms, 0);
      console.log(
        `round ${round}: ${recorded.length} events, ${cases.length} cases; ms CPU per 1,000 events: ` +
          Object.entries(phases)
            .map(([name, ms]) => `${name} ${per1000(ms)}`)
            .join(', ') +
          `; in all ${per1000(total)} (the bracketed ones not added); load ${loadavg()[0].toFixed(2)}`,
      );
    }
  } finally {
    redis.disconnect();
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
