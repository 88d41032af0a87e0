import type { CaseEvent } from '../events';
import { ledgerPositionOf } from './ledger-index';
import type { AppealState, CaseFileState, CaseState, ExpensesClaimState, HearingState, VictimState } from './case-state';

/** Questions the rules and the state's derivations both ask of a case. */

export const findVictim = (state: CaseState, victimId: string): VictimState | undefined =>
  state.victims.find((victim) => victim.victimId === victimId);

export const findHearing = (state: CaseState, hearingId: string): HearingState | undefined =>
  state.hearings.find((hearing) => hearing.hearingId === hearingId);

export const findFile = (state: CaseState, fileId: string): CaseFileState | undefined =>
  state.files.find((file) => file.fileId === fileId);

export const findAppeal = (state: CaseState, appealId: string): AppealState | undefined =>
  state.appeals.find((appeal) => appeal.appealId === appealId);

export const findExpensesClaim = (state: CaseState, claimId: string): ExpensesClaimState | undefined =>
  state.expensesClaims.find((claim) => claim.claimId === claimId);

/** Where the case's stream holds the event with this id (its revision), or -1 when it holds none. Read from an index, not by walking the case. */
export const recordedPositionOf = (state: CaseState, eventId: string): number => ledgerPositionOf(state.ledger, eventId);

/** The event as recorded (not as corrected since). */
export const findRecordedEvent = (state: CaseState, eventId: string): CaseEvent | undefined => state.ledger[recordedPositionOf(state, eventId)];

/** A re-delivered event id is a no-op for `decide`; the API uses it to answer a retry as the first time. */
export const isAlreadyRecorded = (state: CaseState, eventId: string): boolean =>
  findRecordedEvent(state, eventId) !== undefined;

export const isRetracted = (state: CaseState, eventId: string): boolean => state.retractedEventIds.includes(eventId);

export const isCharged = (state: CaseState): boolean => state.chargeDecision?.decision === 'charge';

/** Charged, and not discontinued or ended by offering no evidence. */
export const isProsecutionLive = (state: CaseState): boolean => isCharged(state) && state.prosecutionEnded === null;
