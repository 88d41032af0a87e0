import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class ErasureRequestDto {
  @ApiProperty({
    description: 'Why the data is erased (a reference to the decision, say). Stored in the case; must not itself name the victim.',
    example: 'Erasure request DP-2026-0042 upheld by the data protection officer',
    maxLength: 500,
  })
  // Checked nearest-first: a missing reason is told once, not as too long and blank as well.
  @MaxLength(500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  @IsString({ message: 'reason is required: say why the data is erased' })
  reason!: string;
}
