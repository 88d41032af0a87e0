import { ApiExtraModels } from '@nestjs/swagger';
import { NestedField, NestedListField, TextField, UrnField, UuidField } from './fields';
import { OffenceDto } from './offence.dto';
import { RecordingDto } from './recording.dto';
import { VictimDto } from './victim.dto';

/** `POST /cases`: a crime report opens a case, with its offence and its victims. */
@ApiExtraModels(OffenceDto, VictimDto)
export class ReportCrimeDto extends RecordingDto {
  @UuidField({
    description:
      "The case id, when the sender chooses it. Otherwise derived from sourceSystem and sourceReference (a re-delivery opens no second case), or random.",
    optional: true,
  })
  caseId?: string;

  @UrnField({ description: "The prosecution's unique reference number, once known.", optional: true })
  urn?: string;

  @TextField({ description: 'Police force / local criminal justice board area.', maxLength: 200, example: 'Hertfordshire' })
  area!: string;

  @NestedField(() => OffenceDto, { description: 'The offence reported.' })
  offence!: OffenceDto;

  @NestedListField(() => VictimDto, {
    description: 'The victims, at least one, with their details in plain text: the API seals them before anything is stored.',
    minSize: 1,
    maxSize: 50,
  })
  victims!: VictimDto[];
}
