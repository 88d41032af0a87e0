import { ACCESS_PURPOSES } from '@case-journey/access';
import { humanise, londonDateTime } from '../../http/london-time';
import { obligationRow } from '../obligation-labels';

/** GET /cases/:id/victims/:victimId/journey. */
export interface VictimJourneyAnswer {
  caseId: string;
  urn?: string | null;
  victimId: string;
  kind: string;
  ageBand: string;
  contactPreference: string;
  optOuts: string[];
  enhanced: { enhanced: boolean; grounds?: string[] };
  touchpoints: Array<{ eventId: string; type: string; agency: string; occurredAt: string; topic: string | null; channel: string | null }>;
  obligations: Array<{ id: string; ruleId: string; responsible: string; status: string; dueAt: string | null; satisfiedAt: string | null }>;
}

/** GET /cases/:id/victims/:victimId?purpose=…: the unsealed details (audited). */
export type VictimDetailsAnswer = Record<string, unknown> & { purpose: string; preferences?: Record<string, unknown> };

const DETAIL_ORDER = ['name', 'pointOfContact', 'dateOfBirth', 'phone', 'email', 'address'];
const shown = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? Object.values(value as object).filter(Boolean).map(shown).join(', ') : String(value);

export function victimViewModel(caseId: string, journey: VictimJourneyAnswer, details?: VictimDetailsAnswer, purposeError?: string) {
  return {
    pageTitle: 'Victim',
    caseId,
    victimId: journey.victimId,
    recordContact: `/cases/${encodeURIComponent(caseId)}/victims/${encodeURIComponent(journey.victimId)}/contacts/new`,
    about: [
      { key: { text: 'Kind' }, value: { text: humanise(journey.kind) } },
      { key: { text: 'Age band' }, value: { text: journey.ageBand } },
      { key: { text: 'Rights' }, value: { text: journey.enhanced.enhanced ? `Enhanced${journey.enhanced.grounds?.length ? ` (${journey.enhanced.grounds.map(humanise).join(', ').toLowerCase()})` : ''}` : 'Standard' } },
      { key: { text: 'Contact preference' }, value: { text: humanise(journey.contactPreference) } },
      { key: { text: 'Opted out of' }, value: { text: journey.optOuts.length ? journey.optOuts.map(humanise).join(', ') : 'Nothing' } },
    ],
    purposeItems: Object.entries(ACCESS_PURPOSES).map(([value, text]) => ({ value, text, checked: details?.purpose === value })),
    purposeError,
    details: details
      ? [
          ...DETAIL_ORDER.filter((key) => details[key] !== undefined && details[key] !== null).map((key) => ({ key: { text: humanise(key) }, value: { text: shown(details[key]) } })),
          { key: { text: 'Opened for' }, value: { text: ACCESS_PURPOSES[details.purpose as keyof typeof ACCESS_PURPOSES] ?? details.purpose } },
        ]
      : undefined,
    touchpoints: journey.touchpoints.map((touchpoint) => ({
      label: { text: humanise(touchpoint.type) + (touchpoint.topic ? `: ${humanise(touchpoint.topic).toLowerCase()}` : '') },
      byline: { text: touchpoint.agency },
      datetime: { timestamp: touchpoint.occurredAt },
      text: touchpoint.channel ? `By ${humanise(touchpoint.channel).toLowerCase()}` : '',
    })),
    obligations: journey.obligations.map(obligationRow),
  };
}
