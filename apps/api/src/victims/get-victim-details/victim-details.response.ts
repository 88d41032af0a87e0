import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_PURPOSE_NAMES, type AccessPurpose } from '@case-journey/access';
import { CONTACT_CHANNELS, OPT_OUT_SCOPES, VICTIM_KINDS, type ContactChannel, type OptOutScope, type VictimKind } from '@case-journey/domain';
import type { VictimDetails } from './victim-details';

export class VictimPreferencesDto {
  @ApiProperty({ enum: CONTACT_CHANNELS })
  contactPreference!: ContactChannel;

  @ApiProperty({ enum: OPT_OUT_SCOPES, isArray: true })
  optOuts!: OptOutScope[];

  @ApiProperty()
  consentToReferral!: boolean;
}

/** GET /cases/{id}/victims/{victimId}: the details, unsealed for the purpose named. */
export class VictimDetailsDto implements VictimDetails {
  @ApiProperty()
  caseId!: string;

  @ApiProperty()
  victimId!: string;

  @ApiProperty({ enum: VICTIM_KINDS })
  kind!: VictimKind;

  @ApiProperty()
  name!: string;

  @ApiPropertyOptional({ description: 'For a business or a bereaved family: the named point of contact' })
  contactName?: string;

  @ApiPropertyOptional({ format: 'date', example: '1980-04-02' })
  dateOfBirth?: string;

  @ApiPropertyOptional()
  email?: string;

  @ApiPropertyOptional()
  phone?: string;

  @ApiPropertyOptional()
  address?: string;

  @ApiProperty({ type: VictimPreferencesDto })
  preferences!: VictimPreferencesDto;

  @ApiProperty({ enum: ACCESS_PURPOSE_NAMES, description: 'The purpose stated, as the audit log keeps it' })
  purpose!: AccessPurpose;
}
