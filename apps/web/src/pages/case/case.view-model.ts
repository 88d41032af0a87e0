import { swimlaneChartSvg } from '@case-journey/pages';
import { durationInWords, humanise, inSentence, londonDate, londonDateTime } from '../../http/london-time';
import { obligationRow } from '../obligation-labels';

/** The API's answers this page is drawn from (only the fields it shows). */
export interface CaseAnswer {
  caseId: string;
  revision: number;
  state: { urn: string | null; area: string | null; stage: string; reportedAt: string | null; offence: { description: string; category: string } | null; victims: Array<{ victimId: string; kind: string }> };
}
export interface TimelineAnswer {
  entries: Array<{ eventId: string; type: string; agency: string; occurredAt: string; recordedAt: string; sincePreviousMs: number | null; arrivedLate: boolean; handsTo?: string | null; amendments: unknown[] }>;
  stints: Array<{ agency: string; from: string; until: string | null }>;
  waitingOn: { agency: string; since: string; forMs: number; after: string } | null;
}
export interface JourneyAnswer {
  victimId: string;
  kind?: string;
  enhanced?: { enhanced: boolean };
  contactPreference?: string;
  obligations: Array<{ id: string; ruleId: string; responsible: string; status: string; dueAt: string | null; satisfiedAt: string | null; rights: string; kind: string }>;
}

/** Lanes in the order a case travels, then any other agency in the order it appears. */
const LANE_ORDER = ['Police', 'CPS', 'HMCTS', 'WCU', 'Probation'];

export function caseViewModel(found: CaseAnswer, timeline: TimelineAnswer, journeys: Array<JourneyAnswer | { victimId: string; unavailable: string }>, now: Date, asOf?: string) {
  const { state } = found;
  const agencies = new Set([...timeline.entries.map((entry) => entry.agency), ...timeline.stints.map((stint) => stint.agency)]);
  const lanes = [...LANE_ORDER.filter((agency) => agencies.has(agency)), ...[...agencies].filter((agency) => !LANE_ORDER.includes(agency))];
  const end = asOf ?? now.toISOString();
  const chart = swimlaneChartSvg({
    title: `Journey of case ${state.urn ?? found.caseId}, by agency`,
    lanes,
    spans: timeline.stints.map((stint) => ({ lane: stint.agency, from: stint.from, until: stint.until ?? end })),
    marks: timeline.entries.map((entry) => ({ lane: entry.agency, at: entry.occurredAt, label: humanise(entry.type) })),
  });
  return {
    caseId: found.caseId,
    pageTitle: `Case ${state.urn ?? found.caseId}`,
    summary: [
      { key: { text: 'URN' }, value: { text: state.urn ?? 'None recorded' } },
      { key: { text: 'Area' }, value: { text: state.area ?? 'Unknown' } },
      { key: { text: 'Offence' }, value: { text: state.offence ? `${state.offence.description} (${inSentence(state.offence.category)})` : 'Unknown' } },
      { key: { text: 'Stage' }, value: { text: humanise(state.stage) } },
      { key: { text: 'Reported' }, value: { text: londonDateTime(state.reportedAt) } },
    ],
    waiting: timeline.waitingOn
      ? `Waiting on ${timeline.waitingOn.agency} since ${londonDateTime(timeline.waitingOn.since)} (${durationInWords(timeline.waitingOn.forMs)}), after “${humanise(timeline.waitingOn.after).toLowerCase()}”.`
      : 'Waiting on nobody: the case has no next step pending.',
    chart,
    entries: timeline.entries.map((entry, i) => ({
      number: i + 1,
      when: londonDateTime(entry.occurredAt),
      whenSort: entry.occurredAt,
      agency: entry.agency,
      what: humanise(entry.type),
      handsTo: entry.handsTo === undefined ? '' : entry.handsTo === null ? 'Case closed' : entry.handsTo,
      since: entry.sincePreviousMs === null ? '' : durationInWords(entry.sincePreviousMs),
      sinceSort: entry.sincePreviousMs ?? 0,
      note: [entry.arrivedLate ? `Recorded late (${londonDate(entry.recordedAt)})` : '', entry.amendments.length ? `Corrected ${entry.amendments.length} time${entry.amendments.length === 1 ? '' : 's'}` : ''].filter(Boolean).join('; '),
    })),
    victims: journeys.map((journey, i) =>
      'unavailable' in journey
        ? { number: i + 1, victimId: journey.victimId, unavailable: journey.unavailable }
        : {
            number: i + 1,
            victimId: journey.victimId,
            enhanced: journey.enhanced?.enhanced ?? false,
            obligations: journey.obligations.map(obligationRow),
          },
    ),
  };
}
