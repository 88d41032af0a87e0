import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class ErasureRequestDto {
  @ApiProperty({
    description: 'Why the data is erased (a reference to the decision, say). Stored in the case; must not itself name the victim.',
    example: 'Erasure request DP-2026-0042 upheld by the data protection officer',
    maxLength: 500,
  })
  @IsString({ message: 'reason is required: say why the data is erased' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason!: string;
}
