import { AGENCIES } from '@case-journey/domain';
import { inSentence, londonDateTime, londonDay, londonInstant } from '../../http/london-time';
import { ruleLabel, statusTag } from '../obligation-labels';

/** GET /worklists/witness-care: a page of open obligations, by due instant. */
export interface WorklistAnswer {
  total: number;
  offset: number;
  limit: number;
  items: Array<{
    obligationId: string;
    caseId: string;
    urn: string | null;
    area: string | null;
    victimId: string;
    ruleId: string;
    responsible: string;
    status: string;
    rights: string;
    dueAt: string;
    lateWorkingDays: number | null;
    victim: { enhanced: boolean; contactPreference: string | null; optOuts: string[] };
  }>;
}

export const TABS = ['overdue', 'today', 'week'] as const;
export type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, string> = { overdue: 'Overdue', today: 'Due today', week: 'Due this week' };

/** The end of London's today, and of its week (Sunday), as instants. */
function endsOf(now: Date) {
  const today = londonDay(now);
  const dayAfter = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const endOf = (day: string) => new Date(londonInstant(dayAfter(day, 1)).getTime() - 1).toISOString();
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return { today: endOf(today), week: endOf(dayAfter(today, (7 - weekday) % 7)) };
}

export interface WorklistFilters {
  tab: Tab;
  agency: string;
  enhanced: '' | 'true' | 'false';
  area: string;
  offset: number;
}

export function worklistFilters(query: Record<string, string | undefined>): WorklistFilters {
  const tab = (TABS as readonly string[]).includes(query.tab ?? '') ? (query.tab as Tab) : 'overdue';
  const agency = (AGENCIES as readonly string[]).includes(query.agency ?? '') ? query.agency! : 'WCU';
  const enhanced = query.enhanced === 'true' || query.enhanced === 'false' ? query.enhanced : '';
  const offset = Math.max(0, Math.floor(Number(query.offset ?? 0)) || 0);
  return { tab, agency, enhanced, area: (query.area ?? '').trim(), offset };
}

/** The API's query for one tab: overdue is breached; due today and this week are the open ones due by the end of that day. */
export function tabQuery(tab: Tab, filters: WorklistFilters, now: Date, page: { offset: number; limit: number }) {
  const ends = endsOf(now);
  return {
    agency: filters.agency,
    area: filters.area || undefined,
    enhanced: filters.enhanced || undefined,
    status: tab === 'overdue' ? 'breached' : 'pending,due-soon',
    dueBefore: tab === 'overdue' ? undefined : tab === 'today' ? ends.today : ends.week,
    ...page,
  };
}

const queryOf = (filters: WorklistFilters, changes: Partial<WorklistFilters>) => {
  const merged = { ...filters, ...changes };
  return new URLSearchParams(Object.entries(merged).filter(([, value]) => value !== '' && value !== 0).map(([name, value]): [string, string] => [name, String(value)])).toString();
};

export function worklistViewModel(filters: WorklistFilters, counts: Record<Tab, number>, page: WorklistAnswer, areas: string[]) {
  const returnTo = `/worklist?${queryOf(filters, {})}`;
  return {
    pageTitle: 'Worklist',
    filters,
    tabs: TABS.map((tab) => ({ text: `${TAB_LABELS[tab]} (${counts[tab]})`, href: `/worklist?${queryOf(filters, { tab, offset: 0 })}`, active: tab === filters.tab, tab })),
    heading: TAB_LABELS[filters.tab],
    agencyItems: AGENCIES.map((agency) => ({ value: agency, text: agency, selected: agency === filters.agency })),
    areaItems: [{ value: '', text: 'All your areas' }, ...areas.map((area) => ({ value: area, text: area, selected: area === filters.area }))],
    enhancedItems: [
      { value: '', text: 'Everyone', checked: filters.enhanced === '' },
      { value: 'true', text: 'Only victims with enhanced rights', checked: filters.enhanced === 'true' },
      { value: 'false', text: 'Only victims with standard rights', checked: filters.enhanced === 'false' },
    ],
    rows: page.items.map((item) => ({
      obligationId: item.obligationId,
      caseId: item.caseId,
      victimId: item.victimId,
      urn: item.urn ?? item.caseId,
      area: item.area ?? '',
      entitlement: ruleLabel(item.ruleId),
      owedBy: item.responsible,
      status: statusTag(item.status),
      due: londonDateTime(item.dueAt),
      dueSort: item.dueAt,
      late: item.lateWorkingDays ? `${item.lateWorkingDays} working day${item.lateWorkingDays === 1 ? '' : 's'}` : '',
      enhanced: item.victim.enhanced,
      contactBy: item.victim.contactPreference ?? 'Not stated',
      optedOut: item.victim.optOuts.map(inSentence).join(', '),
      recordContact: `/cases/${encodeURIComponent(item.caseId)}/victims/${encodeURIComponent(item.victimId)}/contacts/new?${new URLSearchParams({ rule: item.ruleId, returnTo })}`,
    })),
    previous: filters.offset > 0 ? `/worklist?${queryOf(filters, { offset: Math.max(0, filters.offset - page.limit) })}` : undefined,
    next: filters.offset + page.items.length < page.total ? `/worklist?${queryOf(filters, { offset: filters.offset + page.limit })}` : undefined,
    showing: page.total === 0 ? '' : `Showing ${filters.offset + 1} to ${filters.offset + page.items.length} of ${page.total}`,
  };
}
