import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@case-journey/access';
import { Requires } from '../../access/requires.decorator';
import { auditSubjectOf } from '../../audit/audit-subject';
import { RequestDryRunCommand } from './request-dry-run.command';
import { ReadsRedis } from '../../http/reads-redis';
import type { RetentionRun } from '../retention-run';
import { DryRunListingDto, ErasureOutcomeDto, RetentionRunDto } from '../retention-run.response';
import { ApiProblemResponses } from '../../http/problem.response';

@ApiTags('retention')
@ReadsRedis()
@Controller('retention')
export class RequestDryRunController {
  constructor(private readonly commands: CommandBus) {}

  @Post('dry-runs')
  @HttpCode(202)
  @Requires('retention:run')
  @ApiOperation({
    summary: 'List the victims whose personal data the retention period says to erase; nothing is erased',
    description:
      'A job: reads every case and lists each victim whose every case closed more than PERSONAL_DATA_RETENTION_YEARS (default 6) years ago. ' +
      'Read the listing at GET /retention/dry-runs/{jobId}, then erase it with POST /retention/dry-runs/{jobId}/erasure.',
  })
  @ApiProblemResponses(400)
  @ApiAcceptedResponse({ type: RetentionRunDto, description: 'Queued: the job and where it stands' })
  @ApiExtraModels(DryRunListingDto, ErasureOutcomeDto)
  request(@Req() request: { principal?: Principal }): Promise<RetentionRunDto> {
    return this.commands.execute<RequestDryRunCommand, RetentionRun>(new RequestDryRunCommand(auditSubjectOf(request)));
  }
}
