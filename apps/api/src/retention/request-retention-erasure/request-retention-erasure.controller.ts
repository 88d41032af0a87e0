import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@case-journey/access';
import { Requires } from '../../access/requires.decorator';
import { auditSubjectOf } from '../../audit/audit-subject';
import { FlatBodyPipe } from '../../http/flat-body.pipe';
import { ErasureRequestDto } from '../../victims/erase-victim-data/erasure-request.dto';
import { RequestRetentionErasureCommand } from './request-retention-erasure.command';
import { ReadsRedis } from '../../http/reads-redis';
import type { RetentionRun } from '../retention-run';
import { DryRunListingDto, ErasureOutcomeDto, RetentionRunDto } from '../retention-run.response';
import { ApiProblemResponses, BODY_PROBLEMS } from '../../http/problem.response';

@ApiTags('retention')
@ReadsRedis()
@Controller('retention')
export class RequestRetentionErasureController {
  constructor(private readonly commands: CommandBus) {}

  @Post('dry-runs/:jobId/erasure')
  @HttpCode(202)
  @Requires('retention:run')
  @ApiOperation({
    summary: 'Erase the victims a completed dry run listed',
    description: 'A job: each listed victim is checked again (still held, every case still closed before the cutoff, no case registered since) and erased as POST /victims/{id}/erasure erases, with basis `retention`.',
  })
  @ApiProblemResponses(...BODY_PROBLEMS, { 404: 'No such dry run', 409: 'The dry run has not completed' })
  @ApiAcceptedResponse({ type: RetentionRunDto, description: 'Queued: the job and where it stands' })
  @ApiExtraModels(DryRunListingDto, ErasureOutcomeDto)
  request(@Param('jobId') dryRunId: string, @Body(FlatBodyPipe) body: ErasureRequestDto, @Req() request: { principal?: Principal }): Promise<RetentionRunDto> {
    return this.commands.execute<RequestRetentionErasureCommand, RetentionRun>(new RequestRetentionErasureCommand(dryRunId, body.reason.trim(), auditSubjectOf(request)));
  }
}
