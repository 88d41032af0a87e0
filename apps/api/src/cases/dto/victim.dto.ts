import {
  AGE_BANDS,
  CONTACT_CHANNELS,
  ENHANCED_GROUNDS,
  ETHNIC_GROUPS,
  OPT_OUT_SCOPES,
  SEXES,
  VICTIM_KINDS,
  type AgeBand,
  type ContactChannel,
  type EnhancedGround,
  type EthnicGroup,
  type OptOutScope,
  type Sex,
  type VictimKind,
} from '@case-journey/domain';
import type { CrossFieldRule } from './cross-field';
import {
  ChoiceField,
  ChoicesField,
  EmailField,
  FlagField,
  PastDateField,
  PhoneField,
  TextField,
  UuidField,
} from './fields';

const aBusiness: CrossFieldRule<VictimDto> = {
  holds: (victim) => victim.kind === 'business',
  because: "for a business: the Victims' Code covers a business only through a named point of contact",
};
const aPersonOfUnknownAge: CrossFieldRule<VictimDto> = {
  holds: (victim) => victim.kind === 'person' && victim.ageBand === undefined,
  because: 'for a person unless ageBand is given: age at the offence decides the under-18 enhanced right',
};

/**
 * A victim as an agency sends them, personal details in plain text. The API seals name, contact
 * details and date of birth with the victim's own key before anything is stored.
 */
export class VictimDto {
  @UuidField({ description: "The victim's id, when the sender chooses it; otherwise the API derives one.", optional: true })
  victimId?: string;

  @ChoiceField(VICTIM_KINDS, { description: 'A person, a bereaved family, or a business.' })
  kind!: VictimKind;

  @TextField({ description: 'Full name: of the person, the family, or the business. Sealed.', maxLength: 200, example: 'Joanna Kowalska' })
  name!: string;

  @TextField({
    description:
      'Who the agencies talk to: the named point of contact of a business, the parent or guardian of a child, the spokesperson of a bereaved family. Sealed.',
    maxLength: 200,
    optional: aBusiness,
  })
  contactName?: string;

  @PastDateField({
    description: 'Date of birth, YYYY-MM-DD. Sealed: events keep only the age band on the day of the offence.',
    example: '1987-04-12',
    optional: aPersonOfUnknownAge,
  })
  dateOfBirth?: string;

  @ChoiceField(AGE_BANDS, { description: 'Age band, when the date of birth is not known. A date of birth, when given, decides.', optional: true })
  ageBand?: AgeBand;

  @EmailField({ description: 'Email address. Sealed.', optional: true })
  email?: string;

  @PhoneField({ description: 'Phone number, UK or international. Sealed.', optional: true })
  phone?: string;

  @TextField({ description: 'Postal address as one text. Sealed.', maxLength: 500, optional: true })
  address?: string;

  @ChoiceField(SEXES, { description: 'Sex, where recorded: used only to show disproportionality.', optional: true })
  sex?: Sex;

  @ChoiceField(ETHNIC_GROUPS, { description: 'Ethnicity in the ONS 5-group classification, where recorded.', optional: true })
  ethnicity?: EthnicGroup;

  @ChoicesField(ENHANCED_GROUNDS, {
    description: 'Grounds for enhanced rights found on registration: decided by the recording agency at occurredAt.',
    optional: true,
  })
  enhancedGrounds?: EnhancedGround[];

  @ChoiceField(CONTACT_CHANNELS, { description: 'How the victim wants to be contacted.' })
  contactPreference!: ContactChannel;

  @FlagField({
    description: 'Explicit consent to referral to a support service (required for sexual offences, domestic abuse and bereaved relatives).',
  })
  consentToReferral!: boolean;

  @ChoicesField(OPT_OUT_SCOPES, { description: "What the victim has opted out of; 'all' stops every non-mandatory contact.", optional: true })
  optOuts?: OptOutScope[];
}
