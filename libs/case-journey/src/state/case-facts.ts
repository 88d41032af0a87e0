import type { CaseEvent, CaseEventOfType, CaseEventType, VictimRegistration } from '../events';
import { isBefore, laterOf } from '../instants';
import type { CaseState, HearingState, VictimState } from './case-state';

/** The events that state facts; corrections and retractions change how the others read instead. */
export type FactType = Exclude<CaseEventType, 'EventCorrected' | 'EventRetracted'>;
export type CaseFact = CaseEventOfType<FactType>;

export const isFact = (event: CaseEvent): event is CaseFact =>
  event.type !== 'EventCorrected' && event.type !== 'EventRetracted';

type Changes = Partial<CaseState>;
type FactChanges<T extends FactType> = (state: CaseState, event: CaseEventOfType<T>) => Changes;

/** What a fact changes in the case, leaving the derived progress (stage, closure) to `progressOf`. */
export function changesBy(state: CaseState, event: CaseFact): Changes {
  return changesByType(event.type, state, event);
}

function changesByType<T extends FactType>(type: T, state: CaseState, event: CaseEventOfType<T>): Changes {
  const changes: FactChanges<T> = FACT_CHANGES[type];
  return changes(state, event);
}

const FACT_CHANGES: { [T in FactType]: FactChanges<T> } = {
  CrimeReported: (state, { data, metadata }) => ({
    exists: true,
    caseId: data.caseId,
    urn: data.urn ?? null,
    area: data.area,
    offence: data.offence,
    reportedAt: metadata.occurredAt,
    victims: [...state.victims, ...data.victims.map((victim) => registeredVictim(victim, metadata.occurredAt))],
  }),
  VictimRegistered: (state, { data, metadata }) => ({
    victims: [...state.victims, registeredVictim(data.victim, metadata.occurredAt)],
  }),
  EnhancedRightsRecognised: (state, { data }) =>
    updateVictim(state, data.victimId, (victim) => ({
      ...victim,
      enhancedGrounds: [
        ...victim.enhancedGrounds.filter((held) => !data.grounds.some((added) => added.ground === held.ground)),
        ...data.grounds,
      ],
    })),
  VictimNeedsAssessed: (state, { data }) =>
    updateVictim(state, data.victimId, (victim) => ({ ...victim, needsIdentified: data.needsIdentified })),
  VictimReferredToSupport: (state, { data, metadata }) =>
    updateVictim(state, data.victimId, (victim) => ({
      ...victim,
      supportReferral: { outcome: 'referred', service: data.service, at: metadata.occurredAt },
    })),
  VictimDeclinedSupportReferral: (state, { data, metadata }) =>
    updateVictim(state, data.victimId, (victim) => ({
      ...victim,
      supportReferral: { outcome: 'declined', at: metadata.occurredAt },
    })),
  InvestigationNotPursued: (state, { data, metadata }) => ({
    investigationNotPursued: { reason: data.reason, at: metadata.occurredAt },
  }),
  SuspectEventRecorded: (state, { data, metadata }) => {
    const known = state.suspects.find((suspect) => suspect.suspectId === data.suspectId);
    // Late uploads must not overwrite a more recent status.
    if (known && isBefore(metadata.occurredAt, known.at)) return {};
    const suspect = { suspectId: data.suspectId, latest: data.kind, at: metadata.occurredAt, conditions: data.conditions ?? [] };
    return { suspects: [...state.suspects.filter((other) => other !== known), suspect] };
  },
  FileSubmittedToCps: (state, { data, metadata }) => {
    const known = state.files.find((file) => file.fileId === data.fileId);
    const file = { fileId: data.fileId, kind: data.kind, submittedAt: metadata.occurredAt, submissions: (known?.submissions ?? 0) + 1, review: null };
    return { files: known ? state.files.map((other) => (other === known ? file : other)) : [...state.files, file] };
  },
  FileReviewed: (state, { data, metadata }) => ({
    files: state.files.map((file) =>
      file.fileId === data.fileId
        ? { ...file, review: { outcome: data.outcome, missingItems: data.missingItems, reasons: data.reasons ?? null, at: metadata.occurredAt } }
        : file,
    ),
  }),
  ChargeDecisionMade: (state, { data, metadata }) => ({
    chargeDecision: { decision: data.decision, decidedBy: data.decidedBy, at: metadata.occurredAt, reasons: data.reasons ?? null },
    charges: data.charges,
  }),
  ChargesAltered: (state, { data }) => ({ charges: data.charges }),
  ProsecutionEnded: (state, { data, metadata }) => ({
    prosecutionEnded: { ending: data.ending, reasons: data.reasons, at: metadata.occurredAt },
  }),
  HearingListed: (state, { data, metadata }) => ({
    hearings: [
      ...state.hearings,
      {
        hearingId: data.hearingId,
        hearingType: data.hearingType,
        court: data.court,
        courtTier: data.courtTier,
        scheduledFor: data.scheduledFor,
        listedAt: metadata.occurredAt,
        held: null,
        noticesReceived: [],
      },
    ],
  }),
  CourtNoticeReceived: (state, { data, metadata }) =>
    updateHearing(state, data.hearingId, (hearing) => ({
      ...hearing,
      noticesReceived: [...hearing.noticesReceived, { notice: data.notice, receivedAt: metadata.receivedAt ?? metadata.occurredAt }],
    })),
  HearingHeld: (state, { data, metadata }) =>
    updateHearing(state, data.hearingId, (hearing) => ({
      ...hearing,
      held: {
        result: data.result,
        at: metadata.occurredAt,
        ineffectiveReason: data.ineffectiveReason ?? null,
        crackedReason: data.crackedReason ?? null,
        bailOutcome: data.bailOutcome ?? null,
        bailConditions: data.bailConditions ?? [],
      },
    })),
  PleaEntered: (state, { data, metadata }) => ({
    pleas: [...state.pleas, { hearingId: data.hearingId, chargeId: data.chargeId ?? null, plea: data.plea, at: metadata.occurredAt }],
  }),
  WitnessRequired: (state, { data }) => updateVictim(state, data.victimId, (victim) => ({ ...victim, witnessRequired: true })),
  VerdictReached: (state, { data, metadata }) => ({
    verdicts: [...state.verdicts, { hearingId: data.hearingId, chargeId: data.chargeId ?? null, verdict: data.verdict, at: metadata.occurredAt }],
  }),
  SentencePassed: (state, { data, metadata }) => ({
    sentence: { hearingId: data.hearingId, disposal: data.disposal, custodyMonths: data.custodyMonths ?? null, at: metadata.occurredAt },
  }),
  AppealLodged: (state, { data, metadata }) => ({
    appeals: [...state.appeals, { appealId: data.appealId, by: data.by, against: data.against, lodgedAt: metadata.occurredAt, decision: null }],
  }),
  AppealDecided: (state, { data, metadata }) => ({
    appeals: state.appeals.map((appeal) =>
      appeal.appealId === data.appealId ? { ...appeal, decision: { outcome: data.outcome, at: metadata.occurredAt } } : appeal,
    ),
  }),
  VictimInformed: (state, { data, metadata }) => updateVictim(state, data.victimId, (victim) => contacted(victim, metadata.occurredAt)),
  VictimOptedOut: (state, { data }) =>
    updateVictim(state, data.victimId, (victim) =>
      victim.optOuts.includes(data.scope) ? victim : { ...victim, optOuts: [...victim.optOuts, data.scope] },
    ),
  VictimOptedBackIn: (state, { data }) =>
    updateVictim(state, data.victimId, (victim) => ({ ...victim, optOuts: victim.optOuts.filter((scope) => scope !== data.scope) })),
  VictimWithdrewSupport: (state, { data, metadata }) =>
    updateVictim(state, data.victimId, (victim) => ({ ...victim, withdrewSupport: { stage: data.stage, at: metadata.occurredAt } })),
  VictimContactSchemeReferralMade: (state, { data, metadata }) =>
    updateVictim(state, data.victimId, (victim) => ({
      ...victim,
      victimContactScheme: { ...victim.victimContactScheme, referralMadeAt: metadata.occurredAt },
    })),
  VictimContactSchemeReferralReceived: (state, { data, metadata }) =>
    updateVictim(state, data.victimId, (victim) => ({
      ...victim,
      victimContactScheme: { ...victim.victimContactScheme, referralReceivedAt: metadata.receivedAt ?? metadata.occurredAt },
    })),
  VictimLiaisonOfficerContactMade: (state, { data, metadata }) =>
    updateVictim(state, data.victimId, (victim) => ({
      ...contacted(victim, metadata.occurredAt),
      victimContactScheme: { ...victim.victimContactScheme, liaisonContactAt: metadata.occurredAt },
    })),
  VictimDataErased: (state, { data, metadata }) =>
    updateVictim(state, data.victimId, (victim) => ({ ...victim, erasure: { basis: data.basis, at: metadata.occurredAt } })),
  ExpensesClaimReceived: (state, { data, metadata }) => ({
    expensesClaims: [
      ...state.expensesClaims,
      { claimId: data.claimId, victimId: data.victimId, receivedAt: metadata.receivedAt ?? metadata.occurredAt, payment: null },
    ],
  }),
  ExpensesPaid: (state, { data, metadata }) => ({
    expensesClaims: state.expensesClaims.map((claim) =>
      claim.claimId === data.claimId ? { ...claim, payment: { amountPence: data.amountPence, at: metadata.occurredAt } } : claim,
    ),
  }),
};

function registeredVictim(registration: VictimRegistration, at: string): VictimState {
  return {
    victimId: registration.victimId,
    kind: registration.kind,
    ageBand: registration.ageBand,
    under18AtOffence: registration.under18AtOffence,
    sex: registration.sex ?? null,
    ethnicity: registration.ethnicity ?? null,
    enhancedGrounds: registration.enhancedGrounds,
    contactPreference: registration.contactPreference,
    consentToReferral: registration.consentToReferral,
    optOuts: registration.optOuts,
    registeredAt: at,
    needsIdentified: null,
    supportReferral: null,
    witnessRequired: false,
    withdrewSupport: null,
    victimContactScheme: { referralMadeAt: null, referralReceivedAt: null, liaisonContactAt: null },
    lastContactAt: null,
    erasure: null,
  };
}

function contacted(victim: VictimState, at: string): VictimState {
  const lastContactAt = laterOf(victim.lastContactAt, at);
  return lastContactAt === victim.lastContactAt ? victim : { ...victim, lastContactAt };
}

/** Facts about a victim or hearing the case no longer holds (its registration or listing retracted) change nothing. */
function updateVictim(state: CaseState, victimId: string, change: (victim: VictimState) => VictimState): Changes {
  return { victims: state.victims.map((victim) => (victim.victimId === victimId ? change(victim) : victim)) };
}

function updateHearing(state: CaseState, hearingId: string, change: (hearing: HearingState) => HearingState): Changes {
  return { hearings: state.hearings.map((hearing) => (hearing.hearingId === hearingId ? change(hearing) : hearing)) };
}
