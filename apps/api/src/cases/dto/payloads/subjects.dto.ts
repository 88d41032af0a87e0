import { ReferenceField, UuidField } from '../fields';

/** What many handoffs are about: one victim of the case, or one of its hearings. */

export abstract class AboutVictimDto {
  @UuidField({ description: 'The victim, as registered on this case.', example: '3f1c2b9e-8a41-4d6f-9c55-1a2b3c4d5e6f' })
  victimId!: string;
}

export abstract class AtHearingDto {
  @ReferenceField({ description: "The hearing's reference, as listed by the court.", example: 'HRG-01AB2345624-1' })
  hearingId!: string;
}
