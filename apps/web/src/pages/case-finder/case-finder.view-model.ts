import { AGENCIES, JOURNEY_STAGES } from '@case-journey/domain';
import { humanise, londonDate } from '../../http/london-time';

/** GET /cases: one page of the cases matching the filters, newest opened first. */
export interface CasePageAnswer {
  items: Array<{
    caseId: string;
    urn: string | null;
    area: string | null;
    offenceCategory: string | null;
    stage: string;
    closed: boolean;
    openedAt: string | null;
    waitingOn: { agency: string; since: string } | null;
    victims: number;
    enhanced: boolean;
    obligations: { open: number; breached: number; dueToday: number };
  }>;
  next: string | null;
}

export const STAGES = [...JOURNEY_STAGES, 'closed'] as const;

/** The finder's filters as the form sends them, and as the API's query. */
export function finderQuery(query: Record<string, string | string[] | undefined>) {
  const one = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const many = (name: string) => ([] as string[]).concat(query[name] ?? []).filter((value) => value !== '');
  const filters = {
    urn: one('urn'),
    area: one('area'),
    stage: many('stage').filter((stage) => (STAGES as readonly string[]).includes(stage)),
    waitingOn: one('waitingOn'),
    hasBreaches: one('hasBreaches') === 'true',
  };
  return {
    filters,
    api: {
      urn: filters.urn || undefined,
      area: filters.area || undefined,
      stage: filters.stage.length ? filters.stage.join(',') : undefined,
      waitingOn: filters.waitingOn || undefined,
      hasBreaches: filters.hasBreaches ? 'true' : undefined,
      cursor: one('cursor') || undefined,
      limit: 25,
    },
  };
}

export function finderViewModel(page: CasePageAnswer, filters: ReturnType<typeof finderQuery>['filters'], areas: string[], search: URLSearchParams) {
  const next = page.next === null ? undefined : new URLSearchParams([...[...search].filter(([name]) => name !== 'cursor'), ['cursor', page.next]]).toString();
  return {
    pageTitle: 'Find a case',
    filters,
    areaItems: [{ value: '', text: 'All your areas' }, ...areas.map((area) => ({ value: area, text: area, selected: area === filters.area }))],
    stageItems: STAGES.map((stage) => ({ value: stage, text: humanise(stage), checked: filters.stage.includes(stage) })),
    waitingOnItems: [{ value: '', text: 'Any agency, or none' }, ...AGENCIES.map((agency) => ({ value: agency, text: agency, selected: agency === filters.waitingOn })), { value: 'none', text: 'Nobody (closed)', selected: filters.waitingOn === 'none' }],
    rows: page.items.map((item) => ({
      caseId: item.caseId,
      urn: item.urn ?? item.caseId,
      area: item.area ?? '',
      offence: item.offenceCategory ? humanise(item.offenceCategory) : '',
      stage: humanise(item.closed ? 'closed' : item.stage),
      waitingOn: item.waitingOn ? `${item.waitingOn.agency} since ${londonDate(item.waitingOn.since)}` : 'Nobody',
      waitingSort: item.waitingOn?.since ?? '',
      victims: item.victims,
      enhanced: item.enhanced,
      breached: item.obligations.breached,
      dueToday: item.obligations.dueToday,
    })),
    next,
  };
}
