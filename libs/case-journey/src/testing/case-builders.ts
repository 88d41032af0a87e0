import type { CaseCommand, CommandMetadata, RecordCommand } from '../commands';
import type {
  CaseEvent,
  CaseEventData,
  CaseEventMetadata,
  CaseEventOfType,
  CaseEventType,
  Charge,
  CrimeReported,
  SealedPersonalData,
  VictimRegistration,
} from '../events';
import { decide } from '../decide/decide';
import { evolve } from '../state/evolve';
import { initialState } from '../state/case-state';
import { DeciderSpecification } from './decider-specification';

/** Builders for short specifications: one case, `case-1`, reported on 2 March 2026, recorded on 1 April. */
export const CASE_ID = 'case-1';
export const REPORTED_AT = '2026-03-02T09:00:00.000Z';
/** When given events happened unless a builder is told otherwise. */
export const EARLIER = '2026-03-10T10:00:00.000Z';
/** When a command's handoff happened unless told otherwise. */
export const OCCURRED_AT = '2026-03-31T10:00:00.000Z';
export const NOW = '2026-04-01T12:00:00.000Z';

/** The case journey's own specification, ready for `given(...)`. */
export const given = DeciderSpecification.for({ decide, evolve, initialState });

let lastEventId = 0;
const nextEventId = (): string => `event-${++lastEventId}`;

/** Event data without the case id, which defaults to CASE_ID. */
export type DataFor<T extends CaseEventType> = Omit<CaseEventData<T>, 'caseId'> & { caseId?: string };

export function anEvent<T extends CaseEventType>(
  type: T,
  data: DataFor<T>,
  metadata: Partial<CaseEventMetadata> = {},
): CaseEventOfType<T> {
  const occurredAt = metadata.occurredAt ?? EARLIER;
  return {
    type,
    data: { caseId: CASE_ID, ...data },
    metadata: { eventId: nextEventId(), schemaVersion: 1, occurredAt, recordedAt: occurredAt, agency: 'Police', recordedBy: 'officer-7', ...metadata },
  } as unknown as CaseEventOfType<T>;
}

export function aCommand<T extends CaseEventType>(type: T, data: DataFor<T>, metadata: Partial<CommandMetadata> = {}): RecordCommand<T> {
  return {
    type,
    data: { caseId: CASE_ID, ...data } as unknown as CaseEventData<T>,
    metadata: { eventId: nextEventId(), occurredAt: OCCURRED_AT, agency: 'Police', recordedBy: 'officer-7', now: NOW, ...metadata },
  };
}

/** The event a command should become when no rule is broken: written out here, not by `decide`'s own code. */
export function theEventOf<C extends CaseCommand>(command: C): CaseEventOfType<C['type']> {
  const { eventId, occurredAt, receivedAt, agency, recordedBy, sourceSystem, sourceReference, correlationId, causationId, contentHash, now } =
    command.metadata;
  const optional = { receivedAt, sourceSystem, sourceReference, correlationId, causationId, contentHash };
  return {
    type: command.type,
    data: command.data,
    metadata: {
      eventId,
      schemaVersion: 1,
      occurredAt,
      recordedAt: now,
      agency,
      recordedBy,
      ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    },
  } as unknown as CaseEventOfType<C['type']>;
}

export const SEALED: SealedPersonalData = { keyId: 'key-1', algorithm: 'aes-256-gcm', iv: 'aXY=', ciphertext: 'c2VhbGVk', authTag: 'dGFn' };

export const aVictim = (overrides: Partial<VictimRegistration> = {}): VictimRegistration => ({
  victimId: 'victim-1',
  kind: 'person',
  personal: SEALED,
  ageBand: '25-34',
  under18AtOffence: false,
  enhancedGrounds: [],
  contactPreference: 'email',
  consentToReferral: true,
  optOuts: [],
  ...overrides,
});

export const aCharge = (chargeId = 'charge-1'): Charge => ({
  chargeId,
  offence: { description: 'Assault occasioning actual bodily harm', category: 'violence' },
});

export const aCrimeReport = (data: Partial<DataFor<'CrimeReported'>> = {}, metadata: Partial<CaseEventMetadata> = {}): CrimeReported =>
  anEvent(
    'CrimeReported',
    {
      urn: '01AB2345624',
      area: 'Hertfordshire',
      offence: { description: 'Assault occasioning actual bodily harm', category: 'violence' },
      victims: [aVictim()],
      ...data,
    },
    { occurredAt: REPORTED_AT, ...metadata },
  );

export const aChargeDecision = (data: Partial<DataFor<'ChargeDecisionMade'>> = {}, metadata: Partial<CaseEventMetadata> = {}) =>
  anEvent('ChargeDecisionMade', { decision: 'charge', decidedBy: 'CPS', charges: [aCharge()], ...data }, { agency: 'CPS', ...metadata });

export const aHearingListing = (hearingId = 'hearing-1', data: Partial<DataFor<'HearingListed'>> = {}, metadata: Partial<CaseEventMetadata> = {}) =>
  anEvent(
    'HearingListed',
    { hearingId, hearingType: 'first', court: 'St Albans Magistrates', courtTier: 'magistrates', scheduledFor: '2026-04-14T10:00:00.000Z', ...data },
    { agency: 'HMCTS', ...metadata },
  );

export const aPlea = (plea: 'guilty' | 'not-guilty' = 'guilty', hearingId = 'hearing-1') =>
  anEvent('PleaEntered', { hearingId, plea }, { agency: 'HMCTS' });

export const aSentence = (hearingId = 'hearing-1') =>
  anEvent('SentencePassed', { hearingId, disposal: 'custody', custodyMonths: 18 }, { agency: 'HMCTS' });

/** Stories to start from. */
export const aReportedCase = (): CaseEvent[] => [aCrimeReport()];
export const aChargedCase = (): CaseEvent[] => [...aReportedCase(), aChargeDecision()];
export const aCaseWithAHearing = (hearingId = 'hearing-1'): CaseEvent[] => [...aChargedCase(), aHearingListing(hearingId)];
export const aConvictedCase = (): CaseEvent[] => [...aCaseWithAHearing(), aPlea('guilty')];
export const aSentencedCase = (): CaseEvent[] => [...aConvictedCase(), aSentence()];
