import { ACCESS_PURPOSES } from '@case-journey/access';
import { capitalised, humanise, inSentence, londonDate } from '../../http/london-time';
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
  enhanced: { enhanced: boolean; since: string | null; grounds: Array<{ ground: string; decidedBy: string; effectiveAt: string }> };
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
      { key: { text: 'Age band' }, value: { text: humanise(journey.ageBand) } },
      { key: { text: 'Rights' }, value: { text: rightsText(journey.enhanced) } },
      { key: { text: 'Contact preference' }, value: { text: humanise(journey.contactPreference) } },
      { key: { text: 'Opted out of' }, value: { text: journey.optOuts.length ? capitalised(journey.optOuts.map(inSentence).join(', ')) : 'Nothing' } },
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
      label: { text: humanise(touchpoint.type) + (touchpoint.topic ? `: ${inSentence(touchpoint.topic)}` : '') },
      byline: { text: touchpoint.agency },
      datetime: { timestamp: touchpoint.occurredAt },
      text: touchpoint.channel ? contactPhrase(touchpoint.channel) : '',
    })),
    obligations: journey.obligations.map(obligationRow),
  };
}

/**
 * "Enhanced since 4 December 2025: most serious crime (decided by Police and CPS)", or "Standard".
 * Each ground once, with every agency that found it: a ground given at registration may be recognised again later.
 */
function rightsText({ enhanced, since, grounds }: VictimJourneyAnswer['enhanced']): string {
  if (!enhanced) return 'Standard';
  const deciders = new Map<string, Set<string>>();
  for (const { ground, decidedBy } of grounds) deciders.set(ground, (deciders.get(ground) ?? new Set()).add(decidedBy));
  const why = [...deciders].map(([ground, agencies]) => `${inSentence(ground)} (decided by ${IN_WORDS.format([...agencies])})`).join(', ');
  return `Enhanced${since ? ` since ${londonDate(since)}` : ''}${why ? `: ${why}` : ''}`;
}

/** A list in words: "Police", "Police and CPS", "Police, CPS and WCU". */
const IN_WORDS = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** How a contact was made, as a touchpoint's line says it: "By phone", "By SMS", "In person". */
const contactPhrase = (channel: string): string => (channel === 'in-person' ? 'In person' : `By ${inSentence(channel)}`);
