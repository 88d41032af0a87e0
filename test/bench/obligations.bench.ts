/**
 * Victims' Code obligations benchmark: the obligations of one realistic 50-event case, as the
 * projections will compute them on every new event. Rerun with
 *   node -r @swc-node/register test/bench/obligations.bench.ts [--iterations=20000]
 * Prints µs per call (median, p90, p99) after a warm-up, the first (cold) call, and the machine.
 */
import { cpus, loadavg } from 'node:os';
import type { CaseEvent } from '@case-journey/domain';
import { obligations } from '@case-journey/victims-code';
import { caseEvent, victim } from '../../libs/victims-code/src/testing/case-events';
import {
  charged,
  corrected,
  courtNotice,
  expensesClaim,
  expensesPaid,
  held,
  listed,
  needsAssessed,
  optedOut,
  recognised,
  referred,
  reported,
  retracted,
  sentenced,
  suspect,
  told,
  vcsReferralMade,
  vcsReferralReceived,
  verdict,
  vloContact,
  witnessRequired,
} from '../../libs/victims-code/src/testing/journey';
import { benchOptions } from './bench-options';

const ITERATIONS = benchOptions({ iterations: { type: 'integer', default: 20_000 } }).iterations;
const WARM_UP = 2_000;

/** A wounding case with two victims, from report to the Victim Liaison Officer's call, over 2026. */
function realisticCase(): CaseEvent[] {
  const events: CaseEvent[] = [
    reported('e01', '2026-02-02T09:00:00.000Z', [victim('v1'), victim('v2', { under18AtOffence: true, ageBand: 'under-18', consentToReferral: false })], 'violence'),
    told('e02', '2026-02-02T15:00:00.000Z', 'crime-report-confirmation', 'Police'),
    told('e03', '2026-02-02T15:05:00.000Z', 'crime-report-confirmation', 'Police', { victim: 'v2' }),
    needsAssessed('e04', '2026-02-03T10:00:00.000Z'),
    needsAssessed('e05', '2026-02-03T11:00:00.000Z', 'v2'),
    referred('e06', '2026-02-04T10:00:00.000Z'),
    suspect('e07', '2026-02-05T08:00:00.000Z', 'arrested'),
    suspect('e08', '2026-02-05T12:00:00.000Z', 'interviewed-under-caution'),
    suspect('e09', '2026-02-05T20:00:00.000Z', 'released-under-investigation'),
    told('e10', '2026-02-06T10:00:00.000Z', 'suspect-update', 'Police'),
    told('e11', '2026-02-06T10:30:00.000Z', 'suspect-update', 'Police', { victim: 'v2' }),
    told('e12', '2026-02-09T10:00:00.000Z', 'suspect-update', 'Police'),
    told('e13', '2026-02-09T11:00:00.000Z', 'suspect-update', 'Police', { victim: 'v2' }),
    recognised('e14', '2026-02-10T10:00:00.000Z', 'v1', 'intimidated', 'WCU'),
    caseEvent('FileSubmittedToCps', 'e15', '2026-03-02T10:00:00.000Z', 'Police', { fileId: 'f1', kind: 'pre-charge-advice' }),
    caseEvent('FileReviewed', 'e16', '2026-03-09T10:00:00.000Z', 'CPS', { fileId: 'f1', outcome: 'accepted', missingItems: [] }),
    charged('e17', '2026-03-12T14:00:00.000Z', 'charge', 'CPS', 'wounding-gbh-with-intent'),
    told('e18', '2026-03-13T10:00:00.000Z', 'charge-decision', 'Police'),
    told('e19', '2026-03-16T10:00:00.000Z', 'charge-decision', 'Police', { victim: 'v2' }),
    listed('e20', '2026-03-13T09:00:00.000Z', 'h1'),
    courtNotice('e21', '2026-03-13T15:00:00.000Z', 'h1', 'hearing-listing'),
    told('e22', '2026-03-16T09:00:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h1' }),
    told('e23', '2026-03-16T09:30:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h1', victim: 'v2' }),
    held('e24', '2026-03-27T10:00:00.000Z', 'h1', 'conditional-bail'),
    courtNotice('e25', '2026-03-30T09:00:00.000Z', 'h1', 'bail-outcome'),
    told('e26', '2026-03-30T14:00:00.000Z', 'bail-outcome', 'WCU', { hearingId: 'h1' }),
    told('e27', '2026-04-01T14:00:00.000Z', 'bail-outcome', 'WCU', { hearingId: 'h1', victim: 'v2' }),
    caseEvent('PleaEntered', 'e28', '2026-04-24T10:00:00.000Z', 'HMCTS', { hearingId: 'h2', plea: 'not-guilty' }),
    witnessRequired('e29', '2026-04-27T10:00:00.000Z', 'v1', 'h3'),
    witnessRequired('e30', '2026-04-27T10:05:00.000Z', 'v2', 'h3'),
    told('e31', '2026-04-28T10:00:00.000Z', 'witness-required', 'WCU', { hearingId: 'h3' }),
    told('e32', '2026-04-28T11:00:00.000Z', 'witness-required', 'WCU', { hearingId: 'h3', victim: 'v2' }),
    listed('e33', '2026-04-28T09:00:00.000Z', 'h3'),
    courtNotice('e34', '2026-04-29T09:00:00.000Z', 'h3', 'hearing-listing'),
    told('e35', '2026-04-29T15:00:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h3' }),
    optedOut('e36', '2026-05-05T10:00:00.000Z', 'court-updates', 'v2'),
    expensesClaim('e37', '2026-09-08T10:00:00.000Z', 'k1'),
    verdict('e38', '2026-09-10T15:00:00.000Z', 'h3', 'e17-c1'),
    courtNotice('e39', '2026-09-11T09:00:00.000Z', 'h3', 'outcome'),
    told('e40', '2026-09-11T12:00:00.000Z', 'outcome', 'WCU', { hearingId: 'h3' }),
    expensesPaid('e41', '2026-09-18T10:00:00.000Z', 'k1'),
    listed('e42', '2026-09-11T10:00:00.000Z', 'h4'),
    sentenced('e43', '2026-10-09T12:00:00.000Z', 'h4', 'custody', 48),
    courtNotice('e44', '2026-10-12T09:00:00.000Z', 'h4', 'sentence'),
    told('e45', '2026-10-12T15:00:00.000Z', 'sentence', 'WCU', { hearingId: 'h4' }),
    vcsReferralMade('e46', '2026-10-20T10:00:00.000Z'),
    vcsReferralReceived('e47', '2026-10-22T10:00:00.000Z'),
    vloContact('e48', '2026-11-10T10:00:00.000Z'),
    corrected('e49', '2026-11-11T10:00:00.000Z', 'e43', { data: { custodyMonths: 54 } }),
    retracted('e50', '2026-11-12T10:00:00.000Z', 'e35'),
  ];
  return events;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function main(): void {
  const events = realisticCase();
  const asOf = '2026-11-20T12:00:00.000Z';

  let start = process.hrtime.bigint();
  const first = obligations(events, asOf);
  const coldMicros = Number(process.hrtime.bigint() - start) / 1000;

  for (let i = 0; i < WARM_UP; i++) obligations(events, asOf);
  const samples = new Float64Array(ITERATIONS);
  let sink = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    start = process.hrtime.bigint();
    sink += obligations(events, asOf).length;
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  samples.sort();
  const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;

  const byStatus: Record<string, number> = {};
  for (const o of first) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`case: ${events.length} events, 2 victims -> ${first.length} obligations ${JSON.stringify(byStatus)}`);
  console.log(`first call (cold, includes calendar years and Intl): ${coldMicros.toFixed(0)} µs`);
  console.log(`obligations(): ${ITERATIONS} calls after ${WARM_UP} warm-up -> median ${percentile(samples, 50).toFixed(1)} µs, p90 ${percentile(samples, 90).toFixed(1)} µs, p99 ${percentile(samples, 99).toFixed(1)} µs, mean ${mean.toFixed(1)} µs`);
  if (sink === 0) console.log('(no obligations)');
}

main();
