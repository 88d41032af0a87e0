/** One measure's report: live, frozen or as known at an instant, suppressed or not. */
export class GetReportQuery {
  constructor(
    readonly criteria: {
      measure: string;
      areas: string[] | null;
      months: string[];
      groupBy: string[];
      filters: Record<string, string>;
      basis: 'live' | 'frozen';
      asOf?: string;
      suppress: boolean;
      now: Date;
    },
  ) {}
}
