import type { Request, Response } from 'express';
import type { AsOfReportStatus } from '@case-journey/projections';
import { previousMonth, reportCsv, type Report } from '@case-journey/reporting';
import { londonDayOf } from '@case-journey/victims-code';
import { monthsOf } from '../../compliance/reporting-period';
import { RequestValidationError } from '../../http/request-validation.error';
import type { ReportAnswer } from './get-report.handler';
import type { GetReportQuery } from './get-report.query';
import type { PublicReportParamsDto, ReportParamsDto } from './report-params.dto';

const CSV_SUFFIX = '.csv';
const MEASURE_ID = /^[A-Za-z0-9._-]{1,60}$/;

/** The twelve London months up to and including this one: a report's period when none is given. */
export function lastTwelveMonths(now: Date): string[] {
  const months = [londonDayOf(now).slice(0, 7)];
  while (months.length < 12) months.unshift(previousMonth(months[0]));
  return months;
}

/** A measure named in the path must look like one: 400 naming `measure` otherwise. */
export function checkMeasureId(measure: string): void {
  if (!MEASURE_ID.test(measure)) throw new RequestValidationError([{ field: 'measure', messages: ['measure must be a measure id (GET /reports/measures lists them)'] }]);
}

/** `dimension:value` filters (checked by the params' DTO) as a map. */
export function filtersOf(filter: readonly string[] | undefined): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const each of filter ?? []) {
    const at = each.indexOf(':');
    filters[each.slice(0, at)] = each.slice(at + 1);
  }
  return filters;
}

/** The criteria of a report request, and whether it asked for CSV (`Accept: text/csv`, or the measure named with `.csv`). */
export function reportCriteria(
  measureParam: string,
  params: ReportParamsDto | PublicReportParamsDto,
  areas: string[] | null,
  request: Request,
  now: Date,
  publicView: boolean,
): { criteria: GetReportQuery['criteria']; csv: boolean } {
  const named = measureParam.endsWith(CSV_SUFFIX);
  const measure = named ? measureParam.slice(0, -CSV_SUFFIX.length) : measureParam;
  checkMeasureId(measure);
  const filters = filtersOf(params.filter);
  const full = params as ReportParamsDto;
  return {
    criteria: {
      measure,
      areas,
      months: params.period ? monthsOf(params.period)! : lastTwelveMonths(now),
      groupBy: params.groupBy ?? [],
      filters,
      basis: params.basis ?? 'live',
      ...(full.asOf ? { asOf: full.asOf } : {}),
      suppress: publicView || full.suppress === true,
      now,
    },
    csv: named || request.accepts(['application/json', 'text/csv']) === 'text/csv',
  };
}

/** The report as JSON or CSV (200), or the as-of job's progress (202, to ask again at the same address). */
export function reportResponse(answer: ReportAnswer, csv: boolean, request: Request, response: Response): Report | AsOfReportStatus | string {
  if (!answer.ready) {
    response.status(202).location(request.originalUrl).setHeader('Retry-After', '2');
    return answer.job;
  }
  if (!csv) return answer.report;
  const { measure, basis } = answer.report;
  const name = `${measure.id}-v${measure.version}-${basis.kind}-${basis.asOf}.csv`.replace(/[^A-Za-z0-9.-]+/g, '-');
  response.type('text/csv; charset=utf-8; header=present').setHeader('Content-Disposition', `attachment; filename="${name}"`);
  return reportCsv(answer.report);
}
