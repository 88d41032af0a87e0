import type { Report, PackReportRequest } from '@case-journey/reporting';
import type { PackReportSource } from './build-board-pack';

/** A measure broken down for some areas and months, as the reporting read model is asked. */
export interface MeasureReportRequest {
  measure: string;
  groupBy: readonly string[];
  areas?: readonly string[];
  months: readonly string[];
}

/** What a pack reads reports from: the reporting read model's month-end snapshots and live figures. */
export interface MonthlyReports {
  frozen(request: MeasureReportRequest, month: string): Promise<Report | undefined>;
  live(request: MeasureReportRequest, now: Date): Promise<Report>;
}

/**
 * A pack's reports: each month's frozen snapshot where one has been frozen (so a pack rebuilt later
 * gives the same figures), else the live figures for that month, which the pack marks as live.
 */
export class MonthlyPackReports implements PackReportSource {
  constructor(
    private readonly reports: MonthlyReports,
    private readonly now: () => Date,
  ) {}

  async report(request: PackReportRequest, area: string | null): Promise<Report> {
    const asked: MeasureReportRequest = { measure: request.measure, groupBy: request.groupBy, months: [request.month], ...(area === null ? {} : { areas: [area] }) };
    return (await this.reports.frozen(asked, request.month)) ?? this.reports.live(asked, this.now());
  }
}
