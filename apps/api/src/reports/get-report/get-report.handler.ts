import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AsOfReportQueue, ReportingReader, type AsOfReportStatus, type LiveReport } from '@case-journey/projections';
import { ReportRequestError, suppressReport, type Report } from '@case-journey/reporting';
import { RequestValidationError } from '../../http/request-validation.error';
import { GetReportQuery } from './get-report.query';

/** A report ready (200), or an as-of report still being computed (202, where its job stands). */
export type ReportAnswer = { ready: true; report: LiveReport | Report } | { ready: false; job: AsOfReportStatus };

@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery, ReportAnswer> {
  constructor(
    private readonly reader: ReportingReader,
    private readonly asOf: AsOfReportQueue,
  ) {}

  async execute({ criteria }: GetReportQuery): Promise<ReportAnswer> {
    const { measure, areas, months, groupBy, filters, basis, suppress, now } = criteria;
    const request = { measure, groupBy, months, filters, ...(areas ? { areas } : {}) };
    try {
      if (criteria.asOf) {
        // Checked now, so a bad request is a 400 rather than a failed job.
        this.reader.measure(measure, new Date(criteria.asOf));
        const job = await this.asOf.request({ measure, request: { groupBy, areas, months, filters }, asOf: new Date(criteria.asOf).toISOString() });
        if (job.state === 'failed') throw new Error(`the as-of report failed: ${job.failedReason}`);
        return job.report ? { ready: true, report: suppress ? published(job.report) : job.report } : { ready: false, job };
      }
      let report: LiveReport | Report;
      if (basis === 'frozen') {
        if (months.length !== 1) throw new ReportRequestError('period', 'a frozen report is of one month: give period=YYYY-MM');
        const frozen = await this.reader.frozen(request, months[0]);
        if (!frozen) throw new NotFoundException(`${months[0]} has not been frozen`);
        report = frozen;
      } else {
        report = await this.reader.live(request, now);
      }
      return { ready: true, report: suppress ? published(report) : report };
    } catch (error) {
      if (error instanceof ReportRequestError) throw new RequestValidationError([{ field: error.field, messages: [error.reason] }]);
      throw error;
    }
  }
}

/**
 * The report with small numbers suppressed; a group's comparison is withheld with its headline
 * figures, and the list of what moved since the snapshot (which names cases) goes altogether.
 */
function published(report: LiveReport | Report): Report {
  const { snapshotComparison: _comparison, ...rest } = report as LiveReport;
  const suppressed = suppressReport(rest);
  const headline = report.measure.headline;
  // A rate ratio against a hidden reference would give the reference's rate away.
  const referenceHidden = suppressed.rows.some((row) => row.comparison?.isReference && row.cells[headline]?.suppressed);
  return {
    ...suppressed,
    rows: suppressed.rows.map((row) => (row.comparison && (referenceHidden || row.cells[headline]?.suppressed) ? { ...row, comparison: null } : row)),
  } as Report;
}
