import {
  BAIL_OUTCOMES,
  COURT_TIERS,
  CRACKED_REASONS,
  DISPOSALS,
  HEARING_RESULTS,
  HEARING_TYPES,
  INEFFECTIVE_REASON_GROUPS,
  PLEAS,
  VERDICTS,
  type BailOutcome,
  type CourtTier,
  type CrackedReason,
  type Disposal,
  type HearingResult,
  type HearingType,
  type IneffectiveReasonGroup,
  type Plea,
  type Verdict,
} from '@case-journey/domain';
import { NotEmptyWhen, type CrossFieldRule } from '../cross-field';
import { ChoiceField, InstantField, NestedField, NumberField, ReferenceField, TextField, TextListField } from '../fields';
import type { HandoffData } from '../handoff-type';
import { APPEAL_OUTCOMES, APPEALED_DECISIONS, APPELLANTS } from '../inline-vocabulary';
import { AtHearingDto } from './subjects.dto';

/** HMCTS handoffs: listings, hearings and their results, pleas, verdicts, sentences, appeals. */

export class HearingListedDto extends AtHearingDto implements HandoffData<'HearingListed'> {
  @ChoiceField(HEARING_TYPES, { description: 'First hearing, plea and trial preparation, trial, sentence, bail, appeal or mention.' })
  hearingType!: HearingType;

  @TextField({ description: 'The court.', maxLength: 200, example: 'St Albans Crown Court' })
  court!: string;

  @ChoiceField(COURT_TIERS, { description: "Magistrates' or Crown Court." })
  courtTier!: CourtTier;

  @InstantField({ description: 'When the hearing is listed for.', example: '2025-06-16T09:30:00Z' })
  scheduledFor!: string;
}

export class IneffectiveReasonDto {
  @ReferenceField({ description: "The court's reason code for the ineffective trial.", example: 'P3' })
  code!: string;

  @ChoiceField(INEFFECTIVE_REASON_GROUPS, { description: "The reason code's group: prosecution, defence, court or other." })
  group!: IneffectiveReasonGroup;
}

const ineffective: CrossFieldRule<HearingHeldDto> = {
  holds: (hearing) => hearing.result === 'ineffective',
  because: "for an ineffective hearing: the court's reason code is how trial effectiveness is measured",
};
const cracked: CrossFieldRule<HearingHeldDto> = {
  holds: (hearing) => hearing.result === 'cracked',
  because: 'for a cracked trial: why it ended on the day without a trial',
};
const onConditionalBail: CrossFieldRule<HearingHeldDto> = {
  holds: (hearing) => hearing.bailOutcome === 'conditional-bail',
  because: 'for conditional bail: the victim is told the conditions',
};

export class HearingHeldDto extends AtHearingDto implements HandoffData<'HearingHeld'> {
  @ChoiceField(HEARING_RESULTS, { description: 'Effective, cracked, ineffective, adjourned or vacated.' })
  result!: HearingResult;

  @NestedField(() => IneffectiveReasonDto, { description: "The court's reason for an ineffective trial.", optional: ineffective })
  ineffectiveReason?: IneffectiveReasonDto;

  @ChoiceField(CRACKED_REASONS, { description: 'Why a cracked trial ended without a trial.', optional: cracked })
  crackedReason?: CrackedReason;

  @ChoiceField(BAIL_OUTCOMES, { description: 'The bail or remand decision, where one was made.', optional: true })
  bailOutcome?: BailOutcome;

  @TextListField({ description: 'The conditions of bail.', optional: onConditionalBail })
  @NotEmptyWhen(onConditionalBail)
  bailConditions?: string[];
}

export class PleaEnteredDto extends AtHearingDto implements HandoffData<'PleaEntered'> {
  @ReferenceField({ description: 'The charge pleaded to; all charges when left out.', optional: true })
  chargeId?: string;

  @ChoiceField(PLEAS, { description: 'Guilty or not guilty.' })
  plea!: Plea;
}

export class VerdictReachedDto extends AtHearingDto implements HandoffData<'VerdictReached'> {
  @ChoiceField(VERDICTS, { description: 'Convicted or acquitted.' })
  verdict!: Verdict;

  @ReferenceField({ description: 'The charge the verdict is on; all charges when left out.', optional: true })
  chargeId?: string;
}

const custodial: CrossFieldRule<SentencePassedDto> = {
  holds: (sentence) => sentence.disposal === 'custody',
  because: 'for a custodial sentence: 12 months or more brings the Victim Contact Scheme',
};

export class SentencePassedDto extends AtHearingDto implements HandoffData<'SentencePassed'> {
  @ChoiceField(DISPOSALS, { description: 'The sentence: custody, suspended sentence, community order, fine, discharge, hospital order or other.' })
  disposal!: Disposal;

  @NumberField({ description: 'Length of custody in months.', positive: true, example: 30, optional: custodial })
  custodyMonths?: number;
}

export class AppealLodgedDto implements HandoffData<'AppealLodged'> {
  @ReferenceField({ description: "The appeal's reference.", example: 'APP-2025-0007' })
  appealId!: string;

  @ChoiceField(APPELLANTS, { description: 'Who appeals: the defence or the prosecution.' })
  by!: HandoffData<'AppealLodged'>['by'];

  @ChoiceField(APPEALED_DECISIONS, { description: 'What is appealed: the conviction or the sentence.' })
  against!: HandoffData<'AppealLodged'>['against'];
}

export class AppealDecidedDto implements HandoffData<'AppealDecided'> {
  @ReferenceField({ description: "The appeal's reference.", example: 'APP-2025-0007' })
  appealId!: string;

  @ChoiceField(APPEAL_OUTCOMES, { description: 'Allowed, dismissed or varied.' })
  outcome!: HandoffData<'AppealDecided'>['outcome'];
}
