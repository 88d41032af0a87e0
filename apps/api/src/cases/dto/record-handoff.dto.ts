import { ApiExtraModels, ApiProperty, refs } from '@nestjs/swagger';
import { IsObject, type ValidationArguments } from 'class-validator';
import { ShapedBy } from './body-shape';
import { ChoiceField, IsRequired } from './fields';
import { HANDOFF_PAYLOAD_MODELS, HANDOFF_PAYLOADS, HANDOFF_TYPES, isHandoffType, type HandoffPayload } from './handoff-payloads';
import type { HandoffType } from './handoff-type';
import { RecordingDto } from './recording.dto';

const unknownTypeMessage = ({ value }: ValidationArguments): string =>
  value === 'CrimeReported'
    ? 'type CrimeReported opens a case: send the crime report to POST /cases'
    : `type must be one of the following values: ${HANDOFF_TYPES.join(', ')}`;

/** `POST /cases/:id/events`: one handoff, a type and its data. The data is validated for its type. */
@ApiExtraModels(...HANDOFF_PAYLOAD_MODELS)
export class RecordHandoffDto extends RecordingDto {
  @ChoiceField(
    HANDOFF_TYPES,
    { description: 'The handoff: an event type of the case journey. A crime report opens a case through POST /cases instead.' },
    { message: unknownTypeMessage },
  )
  type!: HandoffType;

  @ApiProperty({
    description: "The handoff's data, shaped by its type: the event's data without caseId, which comes from the URL.",
    oneOf: refs(...HANDOFF_PAYLOAD_MODELS),
  })
  @IsRequired()
  @IsObject()
  @ShapedBy(({ type }) => (isHandoffType(type) ? HANDOFF_PAYLOADS[type] : undefined))
  data!: object;
}

/** A handoff body of one type, its data shaped by that type's payload class. */
export type HandoffRequest<T extends HandoffType = HandoffType> = RecordHandoffDto & { type: T; data: HandoffPayload<T> };
