import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@case-journey/platform';
import { ObligationsReader, WorklistText, type OpenStatus, type WorklistItem, type WorklistQuery } from '@case-journey/projections';
import { endOfLondonDayOf, endOfLondonWeekOf, londonDaysBetweenMs } from '@case-journey/victims-code';
import { untilMs } from '../http/london-dates';
import { GetWitnessCareWorklistQuery } from './get-witness-care-worklist.query';
import type { DueWindow } from './witness-care-worklist.dto';
import type { OldestBreachDto } from './worklist-page.response';

const NOT_YET_DUE: OpenStatus[] = ['pending', 'due-soon'];

/** A kept page as last shown: its first item, read once, and the page with the `oldestBreach` it was shown with. */
interface ShownPage {
  first: WorklistItem | undefined;
  oldest: string;
  shown: WorklistText;
}

@QueryHandler(GetWitnessCareWorklistQuery)
export class GetWitnessCareWorklistHandler implements IQueryHandler<GetWitnessCareWorklistQuery, WorklistText> {
  /**
   * The reader gives the same page object while the worklist has not moved, so each is read and
   * written out once: a repeated read gives the same answer (and its ETag, worked out once) while
   * its oldest breach's overdue days stand, rather than scanning and copying the page every time.
   */
  private readonly shownPages = new WeakMap<WorklistText, ShownPage>();

  constructor(
    private readonly obligations: ObligationsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ criteria: { due, dueBefore, ...criteria } }: GetWitnessCareWorklistQuery): Promise<WorklistText> {
    const now = this.clock.now().getTime();
    const window = windowOf(due, now);
    const before = [window.before, dueBefore === undefined ? undefined : untilMs(dueBefore)].filter((at): at is number => at !== undefined);
    const statuses = window.statuses && criteria.statuses ? criteria.statuses.filter((status) => window.statuses!.includes(status)) : (window.statuses ?? criteria.statuses);
    if (statuses?.length === 0) return new WorklistText(`{"total":0,"offset":${criteria.offset},"limit":${criteria.limit},"items":[],"oldestBreach":null}`, []);
    const query: WorklistQuery = {
      ...criteria,
      statuses,
      dueBefore: before.length === 0 ? undefined : new Date(Math.min(...before)),
      dueAfter: window.after === undefined ? undefined : new Date(window.after),
    };
    return this.shownWithOldestBreach(await this.obligations.worklistText(query), now, criteria.offset);
  }

  private shownWithOldestBreach(page: WorklistText, now: number, offset: number): WorklistText {
    const known = this.shownPages.get(page);
    const first = known ? known.first : offset === 0 ? firstItemOf(page.text) : undefined;
    const oldest = JSON.stringify(oldestBreachOf(first, now));
    if (known?.oldest === oldest) return known.shown;
    const shown = new WorklistText(`${page.text.slice(0, -1)},"oldestBreach":${oldest}}`, page.caseIds);
    this.shownPages.set(page, { first, oldest, shown });
    return shown;
  }
}

/**
 * Items come by due instant, so the breached come first and the longest overdue first of all: the
 * first page names that one (`oldestBreach`, with its London days overdue). The items' own JSON is
 * passed on as Redis keeps it; only the first is parsed.
 */
function oldestBreachOf(first: WorklistItem | undefined, now: number): OldestBreachDto | null {
  const dueAt = first ? Date.parse(first.dueAt) : NaN;
  return first && dueAt < now ? { obligationId: first.obligationId, caseId: first.caseId, dueAt: first.dueAt, overdueDays: londonDaysBetweenMs(dueAt, now) } : null;
}

/** The first item of the page, read alone: its balanced braces from the start of `items`. */
function firstItemOf(text: string): WorklistItem | undefined {
  const start = text.indexOf('"items":[{');
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start + 9; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return JSON.parse(text.slice(start + 9, i + 1)) as WorklistItem;
  }
  return undefined;
}

function windowOf(due: DueWindow | undefined, now: number): { statuses?: OpenStatus[]; before?: number; after?: number } {
  switch (due) {
    case 'overdue':
      return { statuses: ['breached'], before: now - 1 };
    case 'today':
      return { statuses: NOT_YET_DUE, before: endOfLondonDayOf(now), after: now - 1 };
    case 'tomorrow':
      return { statuses: NOT_YET_DUE, before: endOfLondonDayOf(now, 1), after: endOfLondonDayOf(now) };
    case 'this-week':
      return { statuses: NOT_YET_DUE, before: endOfLondonWeekOf(now), after: now - 1 };
    default:
      return {};
  }
}
