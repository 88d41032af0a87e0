import { OFFENCE_CATEGORIES, type Charge, type Offence, type OffenceCategory } from '@case-journey/domain';
import { ChoiceField, NestedField, ReferenceField, TextField } from './fields';

export class OffenceDto implements Offence {
  @TextField({ description: 'The offence as the police system describes it.', maxLength: 500, example: 'Robbery of a shop worker' })
  description!: string;

  @ChoiceField(OFFENCE_CATEGORIES, {
    description: "The offence category. The first eleven are the Victims' Code's most serious crimes, which give enhanced rights.",
  })
  category!: OffenceCategory;

  @ReferenceField({ description: 'Home Office offence code, when the police system gives one.', optional: true })
  code?: string;
}

export class ChargeDto implements Charge {
  @ReferenceField({ description: "The charge's reference in the prosecuting system.", example: 'CHG-1' })
  chargeId!: string;

  @NestedField(() => OffenceDto, { description: 'The offence charged.' })
  offence!: OffenceDto;
}
