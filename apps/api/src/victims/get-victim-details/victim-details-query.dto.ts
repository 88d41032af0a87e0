import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ACCESS_PURPOSE_NAMES, ACCESS_PURPOSES, type AccessPurpose } from '@case-journey/access';

const PURPOSE_LIST = ACCESS_PURPOSE_NAMES.join(', ');

export class VictimDetailsQueryDto {
  @ApiProperty({
    enum: ACCESS_PURPOSE_NAMES,
    description: `Why the details are opened; the audit log keeps it. ${Object.entries(ACCESS_PURPOSES)
      .map(([purpose, meaning]) => `\`${purpose}\`: ${meaning}`)
      .join('; ')}`,
    example: 'contact-about-hearing',
  })
  @IsIn(ACCESS_PURPOSE_NAMES, { message: `purpose is required and must be one of: ${PURPOSE_LIST}` })
  purpose!: AccessPurpose;
}
