import { ACCESS_PURPOSES, AUDIT_ACTIONS } from '@case-journey/access';
import { humanise, londonDateTime } from '../../http/london-time';

/** GET /audit: one page of the audit log of access to victims' data, and whether its hash chain holds. */
export interface AuditAnswer {
  total: number;
  offset: number;
  limit: number;
  entries: Array<{ sequence: number; at: string; subject: string; agency: string | null; action: string; caseIds: string[]; victimId: string | null; purpose: string | null; reason: string | null }>;
  chain: { intact: true; checked: number } | { intact: false; checked: number; brokenAt: number; detail: string };
}

export const PAGE = 50;

/** The filters as the form sends them, and as the API's query. */
export function auditQuery(query: Record<string, string | undefined>) {
  const one = (name: string) => (typeof query[name] === 'string' ? query[name]!.trim() : '');
  const filters = { subject: one('subject'), caseId: one('caseId'), victimId: one('victimId'), action: (AUDIT_ACTIONS as readonly string[]).includes(one('action')) ? one('action') : '' };
  const offset = Math.max(0, Math.floor(Number(query.offset) || 0));
  return { filters, offset, api: { subject: filters.subject || undefined, caseId: filters.caseId || undefined, victimId: filters.victimId || undefined, action: filters.action || undefined, offset, limit: PAGE } };
}

export function auditViewModel(answer: AuditAnswer, filters: ReturnType<typeof auditQuery>['filters']) {
  const page = (offset: number) => `/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value)), offset: String(offset) })}`;
  return {
    pageTitle: 'Audit log',
    filters,
    actionItems: [{ value: '', text: 'Any' }, ...AUDIT_ACTIONS.map((action) => ({ value: action, text: humanise(action), selected: action === filters.action }))],
    chain: answer.chain.intact
      ? { intact: true, text: `The log is intact: the hash chain of the ${answer.chain.checked} entries checked holds.` }
      : { intact: false, text: `The log has been tampered with: the hash chain breaks at entry ${answer.chain.brokenAt}. ${answer.chain.detail}` },
    summary: answer.total === 0 ? 'No entries match.' : `Entries ${answer.offset + 1} to ${answer.offset + answer.entries.length} of ${answer.total}, newest first.`,
    rows: answer.entries.map((entry) => ({
      at: londonDateTime(entry.at),
      who: entry.agency ? `${entry.subject} (${entry.agency})` : entry.subject,
      action: humanise(entry.action),
      why: entry.purpose ? (ACCESS_PURPOSES[entry.purpose as keyof typeof ACCESS_PURPOSES] ?? humanise(entry.purpose)) : (entry.reason ?? ''),
      cases: entry.caseIds,
      victimId: entry.victimId ?? undefined,
      // An erasure request is upheld for a victim the log names: their entries lead to it, unless the entry is the erasure itself.
      erase: entry.victimId && entry.action !== 'victim-data-erased' ? `/victims/${encodeURIComponent(entry.victimId)}/erasure` : undefined,
    })),
    previous: answer.offset > 0 ? page(Math.max(0, answer.offset - answer.limit)) : undefined,
    next: answer.offset + answer.entries.length < answer.total ? page(answer.offset + answer.limit) : undefined,
  };
}
