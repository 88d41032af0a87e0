import { compareGroups } from '../disproportionality';
import { protectionRule, suppressReport, type ProtectionOptions, type SuppressedReportCell } from '../suppression';
import { isSuppressed, SUPPRESSED, type BoardPack, type HeadlineComparison, type PackFigure, type PackRow, type PackSection, type PackTable, type PeriodId } from './board-pack';
import { PACK_CONTENTS, reportKey, type PackContent, type PackReportRequest } from './pack-contents';
import { monthName, packMonths } from './pack-months';
import { reportColumns, type Report, type ReportRow } from '../reports/report';

export interface PackRequest {
  /** One area, or null for every area. */
  area: string | null;
  month: string;
  /** Suppress small numbers (a board's choice; a public pack always is). */
  suppress: boolean;
  suppression?: ProtectionOptions;
}

const PERIOD_LABELS: Record<PeriodId, string> = { 'this-month': 'This month', 'last-month': 'Last month', 'last-year': 'Same month last year' };

/** Every report a month's pack is built from. */
export function packReportsNeeded(month: string): PackReportRequest[] {
  const requests: PackReportRequest[] = [];
  for (const { id: period, month: periodMonth } of packMonths(month)) {
    for (const content of PACK_CONTENTS) {
      requests.push({ measure: content.measure, groupBy: [content.breakdown], period, month: periodMonth });
      if (period === 'this-month') for (const characteristic of content.disproportionality ?? []) requests.push({ measure: content.measure, groupBy: [characteristic], period, month });
    }
  }
  return requests;
}

/** The month's pack from its reports (keyed by `reportKey`): pure, so the same reports always give the same pack. */
export function boardPackOf(request: PackRequest, reports: ReadonlyMap<string, Report>): BoardPack {
  const publication: Publication = { suppress: request.suppress, options: request.suppression ?? {} };
  const months = packMonths(request.month);
  const reportFor = (measure: string, groupBy: string, period: PeriodId): Report => {
    const report = reports.get(reportKey({ measure, groupBy: [groupBy], period }));
    if (!report) throw new RangeError(`the pack needs the ${measure} report by ${groupBy} for ${period}`);
    return report;
  };
  const thisMonth = (content: PackContent) => reportFor(content.measure, content.breakdown, 'this-month');
  const sections = PACK_CONTENTS.map((content) => sectionOf(content, reportFor, publication));
  const rule = protectionRule(publication.options);
  return {
    title: `Board pack: ${request.area ?? 'all areas'}, ${monthName(request.month)}`,
    area: request.area,
    month: request.month,
    periods: months.map(({ id, month }) => {
      const { kind, asOf, snapshotMonth } = reportFor(PACK_CONTENTS[0].measure, PACK_CONTENTS[0].breakdown, id).basis;
      return { id, label: `${PERIOD_LABELS[id]} (${monthName(month)})`, month, basis: { kind, asOf, ...(snapshotMonth ? { snapshotMonth } : {}) } };
    }),
    suppressed: request.suppress,
    suppressionNote: request.suppress
      ? `Counts below ${rule.threshold}${rule.includeZeros ? ', zeros included,' : ''} are suppressed and shown as [c], and so are other counts where needed (secondary suppression) so that no suppressed count can be worked out from the totals of its row, its column or the area. No percentage is shown on a suppressed count or base, and no median of fewer than ${rule.threshold} cases. A table that cannot be protected is withheld.`
      : null,
    sections,
    definitions: PACK_CONTENTS.map((content) => {
      const { measure } = thisMonth(content);
      return { id: measure.id, title: measure.title, definitions: measure.definitions, version: measure.version, numerator: measure.numerator, denominator: measure.denominator, counting: measure.counting };
    }),
  };
}

type ReportFor = (measure: string, groupBy: string, period: PeriodId) => Report;

/** How a pack publishes its reports: through the reports' own suppression, or in full (a board's choice). */
interface Publication {
  suppress: boolean;
  options: ProtectionOptions;
}

type PublishedRow = Omit<ReportRow, 'cells'> & { cells: Record<string, SuppressedReportCell> };
/** A report as the pack shows it: a cell's counts are null where suppression withheld them. */
interface PublishedReport {
  rows: PublishedRow[];
  total: PublishedRow | null;
}

/**
 * The columns of the report the pack shows, as published: suppressed by `suppressReport`, as the
 * public reports are, unless the board asked for them in full.
 */
const publish = (report: Report, columns: readonly string[], publication: Publication, sharesTotalWith?: PublishedReport): PublishedReport => {
  const shown = reportColumns(report, columns);
  return publication.suppress ? suppressReport(shown, { ...publication.options, sharesTotalWith }) : shown;
};

const PERIODS: PeriodId[] = ['this-month', 'last-month', 'last-year'];
const WITHHELD = 'Withheld: too few cases to publish without identifying anyone.';

function sectionOf(content: PackContent, reportFor: ReportFor, publication: Publication): PackSection {
  const report = reportFor(content.measure, content.breakdown, 'this-month');
  if (content.distribution) return { measureId: content.measure, title: report.measure.title, headline: null, tables: [distributionTable(content, reportFor, publication)] };
  const published = new Map(PERIODS.map((period) => [period, publish(reportFor(content.measure, content.breakdown, period), content.partition!, publication)]));
  const thisMonth = published.get('this-month')!;
  const tables = [breakdownTable(content, report, thisMonth)];
  for (const characteristic of content.disproportionality ?? []) {
    tables.push(disproportionalityTable(content, characteristic, reportFor(content.measure, characteristic, 'this-month'), thisMonth, publication));
  }
  return { measureId: content.measure, title: report.measure.title, headline: headlineOf(report, published), tables };
}

function headlineOf(report: Report, published: Map<PeriodId, PublishedReport>): HeadlineComparison {
  const column = report.measure.headline;
  const figures = [...published].map(([period, { total }]) => {
    const cell = total?.cells[column];
    const anyDue = cell !== undefined && cell.denominator !== 0;
    const numerator = anyDue ? cell.numerator : null;
    const denominator = anyDue ? cell.denominator : null;
    return { period, label: PERIOD_LABELS[period], numerator, denominator, value: numerator === null || denominator === null ? null : numerator / denominator };
  });
  const change = (period: PeriodId) => {
    const now = figures[0].value;
    const then = figures.find((figure) => figure.period === period)!.value;
    return now === null || then === null ? null : now - then;
  };
  const title = report.columns.find((candidate) => candidate.id === column)?.title ?? column;
  return { caption: `${report.measure.title}: ${title.toLowerCase()}`, unit: 'proportion', figures, changeOnLastMonth: change('last-month'), changeOnLastYear: change('last-year') };
}

/** A published count, or SUPPRESSED where it is withheld. */
const countOf = (count: number | null | undefined): PackFigure => (count === undefined ? null : count === null ? SUPPRESSED : count);
/** A share of a published base: SUPPRESSED where either is withheld, null on a base of 0. */
const shareOf = (part: number | null, base: number | null): PackFigure => (part === null || base === null ? SUPPRESSED : base === 0 ? null : part / base);

/** The rows with something to count in `column` (in the report as computed), with their published cells. */
function rowsDue(report: Report, published: PublishedReport, column: string): PublishedRow[] {
  return published.rows.filter((_, row) => (report.rows[row].cells[column]?.denominator ?? 0) > 0);
}

function breakdownTable(content: PackContent, report: Report, published: PublishedReport): PackTable {
  const partition = content.partition!;
  const titleOf = (id: string) => report.columns.find((column) => column.id === id)?.title ?? id;
  const parts = [...partition.map((id) => ({ id, title: titleOf(id) })), ...(content.rest ? [{ id: 'rest', title: content.rest }] : [])];
  const rowOf = (row: PublishedRow, label: string, isTotal = false): PackRow => {
    const base = row.cells[partition[0]].denominator;
    const numerators = partition.map((id) => row.cells[id].numerator);
    // What the parts leave of the base is shown only where the base and every part are.
    const rest = base === null || numerators.includes(null) ? null : base - numerators.reduce((sum: number, count) => sum + count!, 0);
    const counts = [...numerators, ...(content.rest ? [rest] : [])];
    return {
      label,
      isTotal,
      cells: Object.fromEntries([
        ...parts.flatMap(({ id }, index) => [
          [id, countOf(counts[index])],
          [`${id}-share`, shareOf(counts[index], base)],
        ]),
        ['base', countOf(base)],
      ]),
    };
  };
  const rows = rowsDue(report, published, partition[0]);
  const pack = rows.map((row) => rowOf(row, row.group[content.breakdown] ?? ''));
  if (rows.length > 0 && published.total) pack.push(rowOf(published.total, 'Total', true));
  const withheld = rows.length > 0 && pack.every((row) => Object.values(row.cells).every((figure) => figure === null || isSuppressed(figure)));
  return {
    id: `${content.measure}-by-${content.breakdown}`,
    caption: `${report.measure.title} by ${content.breakdown}, this month`,
    columns: [
      ...parts.flatMap(({ id, title }) => [
        { id, title, format: 'count' as const },
        { id: `${id}-share`, title: `${title} (%)`, format: 'percent' as const },
      ]),
      { id: 'base', title: report.measure.denominator.split(':')[0], format: 'count' },
    ],
    rows: withheld ? [] : pack,
    chart: content.chart ? { column: `${content.chart}-share`, title: `${titleOf(content.chart)} (%) by ${content.breakdown}` } : undefined,
    notes: withheld ? [WITHHELD] : rows.length === 0 ? ['Nothing to report this month.'] : [],
  };
}

/**
 * The headline rate by a victim characteristic, with each group's Wilson interval, its rate ratio
 * against the reference group and a significance flag. Statistics come from the true counts and are
 * shown only where the counts they rest on are published. The report shares its total with the
 * breakdown table's, and is suppressed linked to it.
 */
function disproportionalityTable(content: PackContent, characteristic: string, report: Report, breakdown: PublishedReport, publication: Publication): PackTable {
  const column = report.measure.headline;
  const title = report.columns.find((candidate) => candidate.id === column)?.title ?? column;
  const base: PackTable = {
    id: `${content.measure}-by-${characteristic}`,
    caption: `${report.measure.title}: ${title.toLowerCase()} by ${characteristic}, this month`,
    columns: [
      { id: 'numerator', title, format: 'count' },
      { id: 'denominator', title: report.measure.denominator.split(':')[0], format: 'count' },
      { id: 'rate', title: 'Rate', format: 'percent' },
      { id: 'interval', title: '95% confidence interval', format: 'interval' },
      { id: 'ratio', title: 'Rate ratio', format: 'ratio' },
      { id: 'ratioInterval', title: 'Rate ratio 95% interval', format: 'ratio' },
      { id: 'significant', title: 'Significant difference', format: 'text' },
    ],
    rows: [],
    chart: { column: 'rate', title: `${title} (%) by ${characteristic}` },
    notes: [],
  };
  const due = report.rows.filter((row) => (row.cells[column]?.denominator ?? 0) > 0);
  if (due.length === 0) return { ...base, notes: ['Nothing to report this month.'] };
  const linked = publish(report, [column], publication, breakdown);
  const published = rowsDue(report, linked, column).map((row) => row.cells[column]);
  const total = linked.total!.cells[column];
  if (published.every((cell) => cell.numerator === null && cell.denominator === null)) return { ...base, notes: [WITHHELD] };
  const comparison = compareGroups(due.map((row) => ({ group: row.group[characteristic] ?? '', numerator: row.cells[column].numerator!, denominator: row.cells[column].denominator! })));
  const shown = (row: number) => published[row].numerator !== null && published[row].denominator !== null;
  const referenceRow = comparison.groups.findIndex((group) => group.isReference);
  const referenceShown = referenceRow >= 0 && shown(referenceRow);
  const rows: PackRow[] = comparison.groups.map((group, row) => {
    const statistic = <T extends PackFigure>(value: T) => (shown(row) ? value : SUPPRESSED);
    const relative = <T extends PackFigure>(value: T) => (shown(row) && referenceShown ? value : group.isReference ? 'reference' : SUPPRESSED);
    return {
      label: group.group,
      cells: {
        numerator: countOf(published[row].numerator),
        denominator: countOf(published[row].denominator),
        rate: statistic(group.rate),
        interval: statistic(group.interval),
        ratio: relative(group.rateRatio),
        ratioInterval: relative(group.rateRatioInterval),
        significant: relative(group.isReference ? 'reference' : group.significant ? (group.rateRatio! > 1 ? 'Yes, higher' : 'Yes, lower') : 'No'),
      },
    };
  });
  rows.push({ label: 'Total', isTotal: true, cells: { numerator: countOf(total.numerator), denominator: countOf(total.denominator), rate: shareOf(total.numerator, total.denominator), interval: null, ratio: null, ratioInterval: null, significant: null } });
  return {
    ...base,
    rows,
    notes: [
      `Reference group: ${comparison.reference ?? 'none'}. Intervals are Wilson score intervals; rate ratios have log-method intervals.`,
      "Significance: two-sided test at the 5% level, the two-proportion z-test or, where an expected count is below 5, Fisher's exact test. No correction is made for comparing several groups.",
    ],
  };
}

/** Timeliness: cases, median and 90th percentile per interval this month, and the median last month and last year; each withheld where suppression withholds its count of cases. */
function distributionTable(content: PackContent, reportFor: ReportFor, publication: Publication): PackTable {
  const { count, median, p90 } = content.distribution!;
  const [thisMonth, lastMonth, lastYear] = PERIODS.map((period) => publish(reportFor(content.measure, content.breakdown, period), [count, median, p90], publication));
  const valueOf = (cell: SuppressedReportCell | undefined): PackFigure => (cell === undefined ? null : cell.suppressed ? SUPPRESSED : cell.value);
  const medianIn = (report: PublishedReport, label: string): PackFigure => valueOf(report.rows.find((candidate) => candidate.group[content.breakdown] === label)?.cells[median]);
  return {
    id: `${content.measure}-by-${content.breakdown}`,
    caption: `${reportFor(content.measure, content.breakdown, 'this-month').measure.title} by ${content.breakdown} (days)`,
    columns: [
      { id: 'cases', title: 'Cases this month', format: 'count' },
      { id: 'median', title: 'Median this month', format: 'days' },
      { id: 'p90', title: '90th percentile this month', format: 'days' },
      { id: 'median-last-month', title: 'Median last month', format: 'days' },
      { id: 'median-last-year', title: 'Median same month last year', format: 'days' },
    ],
    rows: thisMonth.rows.map((row) => {
      const label = row.group[content.breakdown];
      return {
        label,
        cells: {
          cases: valueOf(row.cells[count]),
          median: valueOf(row.cells[median]),
          p90: valueOf(row.cells[p90]),
          'median-last-month': medianIn(lastMonth, label),
          'median-last-year': medianIn(lastYear, label),
        },
      };
    }),
    chart: { column: 'median', title: 'Median days this month by interval' },
    notes: thisMonth.rows.length === 0 ? ['Nothing to report this month.'] : [],
  };
}
