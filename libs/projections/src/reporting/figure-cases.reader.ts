import type { Redis } from 'ioredis';
import {
  bucketFor,
  caseSharesOf,
  figureOf,
  measureInForce,
  parseCounterSuffix,
  ReportRequestError,
  SHARED_MEASURES,
  type CaseShare,
  type Figure,
  type FigurePart,
  type MeasureDefinition,
  type MeasureDefinitions,
} from '@case-journey/reporting';
import { londonDayOf } from '@case-journey/victims-code';
import type { ProjectionVersions } from '../runner/projection-versions';
import { counterBucketsKey } from '../obligations/case-changes';
import { reportRequest, type MeasureReportRequest } from './reporting.reader';
import { REPORTING, reportingCaseKey, reportingCasesKey } from './reporting.projection';

/** Cases read from Redis at once: a figure of a whole year and area can stand on thousands. */
const READ_AT_ONCE = 500;

/** The cases behind one figure of a live report, each with what it adds to the figure. */
export interface FigureCases {
  measure: MeasureDefinition;
  figure: Figure;
  shares: Array<CaseShare & { caseId: string }>;
}

/**
 * The cases behind a figure of a live report: the report's own arithmetic over each case's counts
 * as the reporting projection keeps them, for the cases listed under the measure's source in the
 * areas and months asked, so another area's case is never read.
 */
export class FigureCasesReader {
  constructor(
    private readonly redis: Redis,
    private readonly versions: ProjectionVersions,
    private readonly definitions: MeasureDefinitions = SHARED_MEASURES,
  ) {}

  async casesBehind(request: MeasureReportRequest & { column?: string; part?: FigurePart }, now: Date): Promise<FigureCases> {
    const measure = measureInForce(this.definitions, request.measure, londonDayOf(now));
    if (!measure) throw new ReportRequestError('measure', `no measure '${request.measure}' is in force on ${londonDayOf(now)}`);
    const asked = reportRequest(request);
    bucketFor(measure, asked);
    const figure = figureOf(measure, request.column, request.part);
    const keys = await this.versions.reading(REPORTING);
    const areas = asked.areas ?? [...new Set((await this.redis.smembers(counterBucketsKey(keys))).map((suffix) => parseCounterSuffix(suffix).area))];
    const lists = areas.flatMap((area) => asked.months.map((month) => reportingCasesKey(keys, measure.source, area, month)));
    const caseIds = lists.length === 0 ? [] : (await this.redis.sunion(...lists)).sort();
    const basis = { kind: 'live' as const, asOf: now.toISOString() };
    const shareOf = caseSharesOf(this.definitions, measure, asked, basis, figure);
    const shares: FigureCases['shares'] = [];
    for (let start = 0; start < caseIds.length; start += READ_AT_ONCE) {
      const ids = caseIds.slice(start, start + READ_AT_ONCE);
      const stored = await this.redis.mget(ids.map((caseId) => reportingCaseKey(keys, caseId)));
      ids.forEach((caseId, i) => {
        if (!stored[i]) return;
        const share = shareOf(new Map(JSON.parse(stored[i]!) as Array<[string, number]>));
        if (share.count > 0) shares.push({ caseId, ...share });
      });
    }
    return { measure, figure, shares };
  }
}
