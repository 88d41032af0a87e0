import { compareGroups } from '../disproportionality';
import { protectionRule, type ProtectionOptions } from '../suppression';
import { SUPPRESSED, type BoardPack, type HeadlineComparison, type PackFigure, type PackRow, type PackSection, type PackTable, type PeriodId } from './board-pack';
import { PACK_CONTENTS, reportKey, type PackContent, type PackReportRequest } from './pack-contents';
import { monthName, packMonths } from './pack-months';
import type { Report } from '../reports/report';
import { partitionTable, publish, publishedRate, type PublishedCell, type PublishedTable, type Publication } from './partition-table';

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

function sectionOf(content: PackContent, reportFor: ReportFor, publication: Publication): PackSection {
  const report = reportFor(content.measure, content.breakdown, 'this-month');
  if (content.distribution) return { measureId: content.measure, title: report.measure.title, headline: null, tables: [distributionTable(content, reportFor, publication)] };
  const partition = content.partition!;
  const published = new Map(
    (['this-month', 'last-month', 'last-year'] as PeriodId[]).map((period) => {
      const table = partitionTable(reportFor(content.measure, content.breakdown, period), content.breakdown, partition);
      return [period, { table, published: table.rows.length === 0 ? null : publish(table, publication) }];
    }),
  );
  const headlineColumn = partition.indexOf(report.measure.headline);
  const thisMonth = published.get('this-month')!;
  const tables = [breakdownTable(content, report, thisMonth.table.rows, thisMonth.published)];
  for (const characteristic of content.disproportionality ?? []) {
    tables.push(disproportionalityTable(content, characteristic, reportFor(content.measure, characteristic, 'this-month'), Math.max(0, headlineColumn), thisMonth.published, publication));
  }
  return { measureId: content.measure, title: report.measure.title, headline: headlineOf(report, headlineColumn, published), tables };
}

function headlineOf(report: Report, column: number, published: Map<PeriodId, { published: PublishedTable | null }>): HeadlineComparison {
  const figures = [...published].map(([period, { published: table }]) => {
    const part = table?.columnTotals[column] ?? null;
    const base = table?.total ?? null;
    return {
      period,
      label: PERIOD_LABELS[period],
      numerator: part?.count ?? null,
      denominator: base?.count ?? null,
      value: part && base ? publishedRate(part, base) : null,
    };
  });
  const change = (period: PeriodId) => {
    const now = figures[0].value;
    const then = figures.find((figure) => figure.period === period)!.value;
    return now === null || then === null ? null : now - then;
  };
  const title = report.columns.find((candidate) => candidate.id === report.measure.headline)?.title ?? report.measure.headline;
  return { caption: `${report.measure.title}: ${title.toLowerCase()}`, unit: 'proportion', figures, changeOnLastMonth: change('last-month'), changeOnLastYear: change('last-year') };
}

const figureOf = (cell: PublishedCell | undefined): PackFigure => (cell === undefined ? null : cell.suppressed ? SUPPRESSED : cell.count);
const shareOf = (part: PublishedCell, base: PublishedCell): PackFigure => (part.suppressed || base.suppressed ? SUPPRESSED : publishedRate(part, base));

function breakdownTable(content: PackContent, report: Report, labels: readonly string[], published: PublishedTable | null): PackTable {
  const partition = content.partition!;
  const titleOf = (id: string) => report.columns.find((column) => column.id === id)?.title ?? id;
  const parts = [...partition.map((id) => ({ id, title: titleOf(id) })), ...(content.rest ? [{ id: 'rest', title: content.rest }] : [])];
  const rowOf = (label: string, cells: readonly PublishedCell[], base: PublishedCell, isTotal = false): PackRow => ({
    label,
    isTotal,
    cells: Object.fromEntries([
      ...parts.flatMap(({ id }, index) => [
        [id, figureOf(cells[index])],
        [`${id}-share`, shareOf(cells[index], base)],
      ]),
      ['base', figureOf(base)],
    ]),
  });
  const withheld = published === null && labels.length > 0;
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
    rows: published
      ? [...labels.map((label, row) => rowOf(label, published.cells[row], published.rowTotals[row])), rowOf('Total', published.columnTotals, published.total, true)]
      : [],
    chart: content.chart ? { column: `${content.chart}-share`, title: `${titleOf(content.chart)} (%) by ${content.breakdown}` } : undefined,
    notes: withheld ? ['Withheld: too few cases to publish without identifying anyone.'] : labels.length === 0 ? ['Nothing to report this month.'] : [],
  };
}

/**
 * The headline rate by a victim characteristic, with each group's Wilson interval, its rate ratio
 * against the reference group and a significance flag. Statistics come from the true counts and are
 * shown only where the counts they rest on are published.
 */
function disproportionalityTable(content: PackContent, characteristic: string, report: Report, headlineColumn: number, breakdown: PublishedTable | null, publication: Publication): PackTable {
  const column = report.measure.headline;
  const table = partitionTable(report, characteristic, [column]);
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
  if (table.rows.length === 0) return { ...base, notes: ['Nothing to report this month.'] };
  const published = publish(table, publication, linkedMargins(table, breakdown, headlineColumn));
  if (!published) return { ...base, notes: ['Withheld: too few cases to publish without identifying anyone.'] };
  const comparison = compareGroups(table.rows.map((group, row) => ({ group, numerator: table.counts[row][0], denominator: table.counts[row][0] + table.counts[row][1] })));
  const shown = (row: number) => !published.cells[row][0].suppressed && !published.rowTotals[row].suppressed;
  const referenceRow = table.rows.indexOf(comparison.reference ?? '');
  const referenceShown = referenceRow >= 0 && shown(referenceRow);
  const rows: PackRow[] = comparison.groups.map((group, row) => {
    const statistic = <T extends PackFigure>(value: T) => (shown(row) ? value : SUPPRESSED);
    const relative = <T extends PackFigure>(value: T) => (shown(row) && referenceShown ? value : group.isReference ? 'reference' : SUPPRESSED);
    return {
      label: group.group,
      cells: {
        numerator: figureOf(published.cells[row][0]),
        denominator: figureOf(published.rowTotals[row]),
        rate: statistic(group.rate),
        interval: statistic(group.interval),
        ratio: relative(group.rateRatio),
        ratioInterval: relative(group.rateRatioInterval),
        significant: relative(group.isReference ? 'reference' : group.significant ? (group.rateRatio! > 1 ? 'Yes, higher' : 'Yes, lower') : 'No'),
      },
    };
  });
  rows.push({ label: 'Total', isTotal: true, cells: { numerator: figureOf(published.columnTotals[0]), denominator: figureOf(published.total), rate: shareOf(published.columnTotals[0], published.total), interval: null, ratio: null, ratioInterval: null, significant: null } });
  return {
    ...base,
    rows,
    notes: [
      `Reference group: ${comparison.reference ?? 'none'}. Intervals are Wilson score intervals; rate ratios have log-method intervals.`,
      "Significance: two-sided test at the 5% level, the two-proportion z-test or, where an expected count is below 5, Fisher's exact test. No correction is made for comparing several groups.",
    ],
  };
}

/**
 * The characteristic's table shares its totals with the breakdown table when both count the same
 * things (same total): its column totals and area total are then published, or hidden, as there.
 */
function linkedMargins(table: { rows: readonly string[]; counts: readonly (readonly number[])[] }, breakdown: PublishedTable | null, headlineColumn: number) {
  if (!breakdown || breakdown.total.count === null) return undefined;
  const numerator = table.counts.reduce((sum, counts) => sum + counts[0], 0);
  const total = table.counts.reduce((sum, counts) => sum + counts[0] + counts[1], 0);
  const shared = breakdown.columnTotals[headlineColumn];
  if (total !== breakdown.total.count || (shared.count !== null && shared.count !== numerator)) return undefined;
  const marginRow = table.rows.length;
  const knownThere = [!shared.suppressed, !shared.suppressed && !breakdown.total.suppressed, !breakdown.total.suppressed];
  return {
    published: ({ row, column }: { row: number; column: number }) => row === marginRow && knownThere[column],
    hidden: ({ row, column }: { row: number; column: number }) => row === marginRow && !knownThere[column],
  };
}

/** Timeliness: cases, median and 90th percentile per interval this month, and the median last month and last year. */
function distributionTable(content: PackContent, reportFor: ReportFor, publication: Publication): PackTable {
  const { count, median, p90 } = content.distribution!;
  const threshold = protectionRule(publication.options).threshold;
  const [thisMonth, lastMonth, lastYear] = (['this-month', 'last-month', 'last-year'] as PeriodId[]).map((period) => reportFor(content.measure, content.breakdown, period));
  const tooFew = (cases: number | null) => publication.suppress && cases !== null && cases > 0 && cases < threshold;
  const medianIn = (report: Report, label: string): PackFigure => {
    const row = report.rows.find((candidate) => candidate.group[content.breakdown] === label);
    if (!row) return null;
    return tooFew(row.cells[count]?.value ?? null) ? SUPPRESSED : (row.cells[median]?.value ?? null);
  };
  return {
    id: `${content.measure}-by-${content.breakdown}`,
    caption: `${thisMonth.measure.title} by ${content.breakdown} (days)`,
    columns: [
      { id: 'cases', title: 'Cases this month', format: 'count' },
      { id: 'median', title: 'Median this month', format: 'days' },
      { id: 'p90', title: '90th percentile this month', format: 'days' },
      { id: 'median-last-month', title: 'Median last month', format: 'days' },
      { id: 'median-last-year', title: 'Median same month last year', format: 'days' },
    ],
    rows: thisMonth.rows.map((row) => {
      const label = row.group[content.breakdown];
      const cases = row.cells[count]?.value ?? null;
      return {
        label,
        cells: {
          cases: tooFew(cases) ? SUPPRESSED : cases,
          median: medianIn(thisMonth, label),
          p90: tooFew(cases) ? SUPPRESSED : (row.cells[p90]?.value ?? null),
          'median-last-month': medianIn(lastMonth, label),
          'median-last-year': medianIn(lastYear, label),
        },
      };
    }),
    chart: { column: 'median', title: 'Median days this month by interval' },
    notes: thisMonth.rows.length === 0 ? ['Nothing to report this month.'] : [],
  };
}
