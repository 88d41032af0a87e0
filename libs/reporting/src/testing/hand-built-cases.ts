import type { CaseEvent } from '@case-journey/domain';
import { WorkingDayCalendar } from '@case-journey/victims-code';
import { caseFactsOf } from '../facts/case-facts';
import { addCells, counterHashesOf, factCells, type FactCounterHash } from '../facts/fact-counters';
import { SHARED_MEASURES } from '../measures/shared-measures';
import { measureInForce } from '../measures/measure-definitions';
import { computeReport, type ReportRequest } from '../reports/compute-report';
import type { Report, ReportBasis } from '../reports/report';

const calendar = new WorkingDayCalendar();

/** Cases by id, their events built with the victims-code spec builders (each given its own case id). */
export type HandBuiltCases = Record<string, CaseEvent[]>;

const withCaseId = (caseId: string, events: readonly CaseEvent[]): CaseEvent[] =>
  events.map((event) => ({ ...event, data: { ...event.data, caseId }, metadata: { ...event.metadata, eventId: `${caseId}/${event.metadata.eventId}` } }) as CaseEvent);

/** One case's counts as known at `asOf`: what the reporting projection keeps for it. */
export const caseCellsOf = (caseId: string, events: readonly CaseEvent[], asOf: string) => factCells(caseFactsOf(caseId, withCaseId(caseId, events), new Date(asOf), calendar));

/** The counter hashes of the cases as known at `asOf`: what the reporting projection or an as-of job would hold. */
export function countersOf(cases: HandBuiltCases, asOf: string): FactCounterHash[] {
  const hashes = new Map<string, Map<string, number>>();
  for (const [caseId, events] of Object.entries(cases)) addCells(hashes, caseCellsOf(caseId, events, asOf));
  return counterHashesOf(hashes);
}

/** A shared measure's report of the cases, as known at `asOf`. */
export function reportOf(cases: HandBuiltCases, measureId: string, request: Partial<ReportRequest> & { months: string[] }, asOf: string, basis: Partial<ReportBasis> = {}): Report {
  const measure = measureInForce(SHARED_MEASURES, measureId, asOf.slice(0, 10))!;
  return computeReport(SHARED_MEASURES, measure, countersOf(cases, asOf), { groupBy: [], areas: null, ...request }, { kind: 'as-of', asOf, ...basis });
}
