import {
  AGENCIES,
  ENHANCED_GROUNDS,
  FILE_KINDS,
  SUSPECT_EVENT_KINDS,
  type Agency,
  type EnhancedGround,
  type FileKind,
  type SuspectEventKind,
} from '@case-journey/domain';
import { ChoiceField, InstantField, NestedField, NestedListField, ReferenceField, TextField, TextListField } from '../fields';
import type { HandoffData } from '../handoff-type';
import { VictimDto } from '../victim.dto';
import { AboutVictimDto } from './subjects.dto';

/** Police handoffs: victims registered and supported, the investigation, the file to the CPS. */

export class VictimRegisteredDto {
  @NestedField(() => VictimDto, { description: 'The victim, details in plain text: the API seals them before anything is stored.' })
  victim!: VictimDto;
}

export class EnhancedGroundDto {
  @ChoiceField(ENHANCED_GROUNDS, { description: 'The ground for enhanced rights.' })
  ground!: EnhancedGround;

  @ChoiceField(AGENCIES, {
    description: 'The agency that found the victim eligible; the recording agency when left out. Eligibility then holds for every agency.',
    optional: true,
  })
  decidedBy?: Agency;

  @InstantField({ description: "When it took effect; the handoff's occurredAt when left out.", optional: true })
  decidedAt?: string;
}

export class EnhancedRightsRecognisedDto extends AboutVictimDto {
  @NestedListField(() => EnhancedGroundDto, { description: 'The grounds found, at least one.', minSize: 1, maxSize: ENHANCED_GROUNDS.length })
  grounds!: EnhancedGroundDto[];
}

export class VictimNeedsAssessedDto extends AboutVictimDto implements HandoffData<'VictimNeedsAssessed'> {
  @TextListField({ description: 'The needs identified; empty when the assessment found none.', example: ['emotional support', 'interpreter (Polish)'] })
  needsIdentified!: string[];
}

export class VictimReferredToSupportDto extends AboutVictimDto implements HandoffData<'VictimReferredToSupport'> {
  @TextField({ description: 'The support service the victim was referred to.', maxLength: 200, example: 'Hertfordshire Beacon' })
  service!: string;
}

export class VictimDeclinedSupportReferralDto extends AboutVictimDto implements HandoffData<'VictimDeclinedSupportReferral'> {}

export class InvestigationNotPursuedDto implements HandoffData<'InvestigationNotPursued'> {
  @TextField({ description: 'Why the police decided not to investigate: the victim is owed this explanation.' })
  reason!: string;
}

export class SuspectEventRecordedDto implements HandoffData<'SuspectEventRecorded'> {
  @ReferenceField({ description: "The suspect's reference in the police system.", example: 'SUS-0001' })
  suspectId!: string;

  @ChoiceField(SUSPECT_EVENT_KINDS, { description: 'What happened to the suspect: each one is owed to the victim.' })
  kind!: SuspectEventKind;

  @TextField({ description: 'The reasons given, where there are any.', optional: true })
  reasons?: string;

  @TextListField({ description: 'Bail conditions, for a suspect bailed or whose conditions changed.', optional: true })
  conditions?: string[];
}

export class FileSubmittedToCpsDto implements HandoffData<'FileSubmittedToCps'> {
  @ReferenceField({ description: "The file's reference.", example: 'FILE-01AB2345624-1' })
  fileId!: string;

  @ChoiceField(FILE_KINDS, { description: 'Pre-charge advice or a full file.' })
  kind!: FileKind;
}
