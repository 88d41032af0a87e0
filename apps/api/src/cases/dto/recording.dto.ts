import { AGENCIES, type Agency } from '@case-journey/domain';
import type { CrossFieldRule } from './cross-field';
import { ChoiceField, InstantField, ReferenceField, TextField } from './fields';

const referenceGiven: CrossFieldRule<RecordingDto> = {
  holds: (recording) => recording.sourceReference !== undefined,
  because: 'with sourceReference: together they name the record in its source system, so a re-delivery stores nothing new',
};
const systemGiven: CrossFieldRule<RecordingDto> = {
  holds: (recording) => recording.sourceSystem !== undefined,
  because: 'with sourceSystem: a source system is only useful with its own reference for the record',
};

/** The facts of a recording that every request carries: they become the event's metadata. */
export abstract class RecordingDto {
  @InstantField({ description: "When it happened in the world. Victims' Code compliance is judged on this." })
  occurredAt!: string;

  @InstantField({
    description:
      'When the agency responsible for acting on it learned of it, where that differs from occurredAt: e.g. the Witness Care Unit receiving a court result. Code deadlines that run from receipt count from here.',
    optional: true,
  })
  receivedAt?: string;

  @ChoiceField(AGENCIES, {
    description: "The agency that did it. It is recorded from the caller's token: when given, it must be that agency (403 otherwise). A crime report comes from the Police.",
    optional: true,
  })
  agency?: Agency;

  @TextField({
    description: "Who recorded it. It is recorded from the caller's token (its subject): when given, it must be that subject (403 otherwise).",
    maxLength: 200,
    optional: true,
    example: 'pc.okafor',
  })
  recordedBy?: string;

  @ReferenceField({ description: 'The agency system the record comes from.', optional: referenceGiven, example: 'Athena' })
  sourceSystem?: string;

  @ReferenceField({
    description: "The source system's own reference for this record. The same pair sent again is stored once.",
    optional: systemGiven,
    example: 'ATH-2025-000184',
  })
  sourceReference?: string;

  @ReferenceField({ description: 'Ties together the records of one piece of work across systems.', optional: true })
  correlationId?: string;
}
