import {
  CHARGE_DECIDERS,
  CHARGE_DECISIONS,
  PROSECUTION_ENDINGS,
  type ChargeDecider,
  type ChargeDecision,
  type ProsecutionEnding,
} from '@case-journey/domain';
import type { CrossFieldRule } from '../cross-field';
import { NotEmptyWhen } from '../cross-field';
import { ChoiceField, FlagField, NestedListField, NumberField, ReferenceField, TextField, TextListField } from '../fields';
import type { HandoffData } from '../handoff-type';
import { FILE_REVIEW_OUTCOMES } from '../inline-vocabulary';
import { ChargeDto } from '../offence.dto';
import { AboutVictimDto } from './subjects.dto';

/** CPS handoffs: file review, charging, changes to the prosecution, witness expenses. */

const fileReturned: CrossFieldRule<FileReviewedDto> = {
  holds: (review) => review.outcome === 'returned',
  because: 'when the file is returned: the police are told what the National File Standard found missing',
};

export class FileReviewedDto implements HandoffData<'FileReviewed'> {
  @ReferenceField({ description: "The file's reference, as submitted.", example: 'FILE-01AB2345624-1' })
  fileId!: string;

  @ChoiceField(FILE_REVIEW_OUTCOMES, { description: 'Accepted, or returned to the police.' })
  outcome!: HandoffData<'FileReviewed'>['outcome'];

  @TextListField({ description: 'What the file lacks under the National File Standard; at least one item when returned.' })
  @NotEmptyWhen(fileReturned)
  missingItems!: string[];

  @TextField({ description: "The reviewing lawyer's reasons.", optional: true })
  reasons?: string;
}

const toCharge: CrossFieldRule<ChargeDecisionMadeDto> = {
  holds: (decision) => decision.decision === 'charge',
  because: 'for a decision to charge: it names what the suspect is charged with',
};

export class ChargeDecisionMadeDto implements HandoffData<'ChargeDecisionMade'> {
  @ChoiceField(CHARGE_DECISIONS, { description: 'Charge, no further action, or an out-of-court disposal.' })
  decision!: ChargeDecision;

  @ChoiceField(CHARGE_DECIDERS, { description: 'Who took the decision: the police or the CPS.' })
  decidedBy!: ChargeDecider;

  @NestedListField(() => ChargeDto, { description: 'The charges; at least one for a decision to charge, otherwise usually none.' })
  @NotEmptyWhen(toCharge)
  charges!: ChargeDto[];

  @TextField({ description: 'Reasons for the decision, owed to the victim when the CPS decides not to charge.', optional: true })
  reasons?: string;
}

export class ChargesAlteredDto implements HandoffData<'ChargesAltered'> {
  @NestedListField(() => ChargeDto, { description: 'The charges as they now stand, at least one.', minSize: 1 })
  charges!: ChargeDto[];

  @FlagField({ description: 'A substantial alteration: the victim is owed a letter with reasons.' })
  substantial!: boolean;

  @TextField({ description: 'Why the charges were altered.' })
  reasons!: string;
}

export class ProsecutionEndedDto implements HandoffData<'ProsecutionEnded'> {
  @ChoiceField(PROSECUTION_ENDINGS, { description: 'The CPS discontinued the case, or offered no evidence.' })
  ending!: ProsecutionEnding;

  @TextField({ description: 'Why the prosecution ended: the victim is owed a letter with reasons and the Right to Review.' })
  reasons!: string;
}

export class ExpensesClaimReceivedDto extends AboutVictimDto implements HandoffData<'ExpensesClaimReceived'> {
  @ReferenceField({ description: "The claim's reference.", example: 'EXP-2025-0042' })
  claimId!: string;
}

export class ExpensesPaidDto extends AboutVictimDto implements HandoffData<'ExpensesPaid'> {
  @ReferenceField({ description: "The claim's reference.", example: 'EXP-2025-0042' })
  claimId!: string;

  @NumberField({ description: 'Amount paid, in pence.', integer: true, min: 0, example: 2450 })
  amountPence!: number;
}
