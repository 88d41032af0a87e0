import type { CrossFieldRule } from '../cross-field';
import { InstantField, ObjectField, TextField, UuidField } from '../fields';
import type { HandoffData } from '../handoff-type';

/** Any agency: correcting or retracting an earlier record. The original stays in the history. */

const nothingElseCorrected: CrossFieldRule<EventCorrectedDto> = {
  holds: (correction) => correction.occurredAt === undefined && correction.receivedAt === undefined,
  because: 'unless occurredAt or receivedAt is corrected: a correction must replace something',
};

export class EventCorrectedDto implements HandoffData<'EventCorrected'> {
  @UuidField({ description: 'The event being corrected.' })
  correctedEventId!: string;

  @ObjectField({ description: "Fields of the original event's data to replace, with their new values.", optional: nothingElseCorrected })
  data?: Record<string, unknown>;

  @InstantField({ description: 'When the original really happened, if that is what was wrong.', optional: true })
  occurredAt?: string;

  @InstantField({ description: 'When the responsible agency really received it, if that is what was wrong.', optional: true })
  receivedAt?: string;

  @TextField({ description: 'Why the record is corrected.' })
  reason!: string;
}

export class EventRetractedDto implements HandoffData<'EventRetracted'> {
  @UuidField({ description: 'The event being withdrawn.' })
  retractedEventId!: string;

  @TextField({ description: 'Why the record is withdrawn.' })
  reason!: string;
}
