import type { Role } from '@case-journey/access';
import type { ReportCell } from '@case-journey/reporting';
import { humanise, londonDate } from '../../http/london-time';
import type { SignedInUser } from '../../sign-in/signed-in-user';
import { percent } from '../compliance-report/compliance-report.view-model';

/** GET /reports/:measure/cases: the cases behind one figure of a live report. */
export interface FigureCasesAnswer {
  measure: { id: string; version: string; title: string };
  column: { id: string; title: string; statistic: string };
  part: 'numerator' | 'denominator';
  areas: string[] | null;
  months: string[];
  filters: Record<string, string>;
  cases: number;
  count: number;
  items: Array<{ caseId: string; urn: string | null; area: string | null; stage: string | null; waitingOn: { agency: string; since: string } | null; count: number; cells: Record<string, ReportCell> }>;
  nextOffset: number | null;
}

/** The roles the API lets follow a figure to its cases (`reports:read-cases`); a board sees aggregates only. */
const FOLLOWERS: readonly Role[] = ['case-progression', 'witness-care'];
export const mayFollowFiguresToCases = (user: SignedInUser | undefined): boolean => FOLLOWERS.some((role) => user?.roles.includes(role));

/** The page of the cases behind a figure of the compliance report, as the report was asked. */
export function figureCasesHref(where: { period: string; area?: string; filter?: string[]; column?: string; part?: string }): string {
  const query = new URLSearchParams({ period: where.period });
  if (where.area) query.set('area', where.area);
  if (where.filter?.length) query.set('filter', where.filter.join(','));
  if (where.column) query.set('column', where.column);
  if (where.part) query.set('part', where.part);
  return `/reports/compliance/cases?${query}`;
}

/** The figures a reader may follow from a cell: every deadline due, those met on time, those missed. */
const VIEWS = [
  { column: 'met-on-time', part: 'denominator', text: 'Every deadline due' },
  { column: 'met-on-time', part: 'numerator', text: 'Met on time' },
  { column: 'met-late', part: 'numerator', text: 'Met late' },
  { column: 'breached', part: 'numerator', text: 'Missed' },
] as const;

const monthName = (ym: string) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`));

/** `right:4, agency:Police, rights:enhanced` → "Right 4, owed by Police, enhanced rights". */
function groupText(filters: Record<string, string>): string {
  const parts = Object.entries(filters).map(([dimension, value]) => {
    if (dimension === 'right') return `Right ${value}`;
    if (dimension === 'agency') return `owed by ${value}`;
    if (dimension === 'rights') return `${value} rights`;
    return `${humanise(dimension)} ${value}`;
  });
  return parts.length ? parts.join(', ') : 'Every right';
}

export function figureCasesViewModel(answer: FigureCasesAnswer, asked: { period: string; area?: string; filter: string[]; column: string; part: string; offset: number }) {
  const months = answer.months.length === 1 ? monthName(answer.months[0]) : `${monthName(answer.months[0])} to ${monthName(answer.months[answer.months.length - 1])}`;
  const href = (changes: Record<string, string | number>) => {
    const next = new URL(figureCasesHref({ ...asked, ...changes }), 'http://page');
    const offset = Number(changes.offset ?? 0);
    if (offset > 0) next.searchParams.set('offset', String(offset));
    return `${next.pathname}${next.search}`;
  };
  return {
    pageTitle: 'The cases behind a figure',
    group: groupText(answer.filters),
    where: `${answer.areas?.join(' and ') ?? 'Every area'}, ${months}`,
    figure: `${answer.column.title}${answer.column.statistic === 'rate' ? (answer.part === 'numerator' ? '' : ': every deadline due') : ''}`,
    summary: `${answer.count} ${answer.count === 1 ? 'deadline' : 'deadlines'} in ${answer.cases} ${answer.cases === 1 ? 'case' : 'cases'}`,
    views: VIEWS.map((view) => ({ ...view, href: href({ column: view.column, part: view.part, offset: 0 }), current: view.column === answer.column.id && view.part === answer.part })),
    rows: answer.items.map((item) => ({
      caseId: item.caseId,
      urn: item.urn ?? item.caseId,
      area: item.area ?? '',
      stage: item.stage ? humanise(item.stage) : '',
      waitingOn: item.waitingOn ? `${item.waitingOn.agency} since ${londonDate(item.waitingOn.since)}` : 'Nobody',
      count: item.count,
      metOnTime: item.cells['met-on-time'] ? `${percent(item.cells['met-on-time'].value)} (${item.cells['met-on-time'].numerator} of ${item.cells['met-on-time'].denominator})` : '',
    })),
    previous: asked.offset > 0 ? href({ offset: Math.max(0, asked.offset - 50) }) : undefined,
    next: answer.nextOffset !== null ? href({ offset: answer.nextOffset }) : undefined,
    backHref: `/reports/compliance?${new URLSearchParams({ period: asked.period, ...(asked.area && { area: asked.area }) })}`,
  };
}
