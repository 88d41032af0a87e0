import { Body, Controller, Headers, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Grant } from '@case-journey/access';
import { Caller } from '../../access/caller.decorator';
import { AppConfiguration } from '@case-journey/platform';
import { Requires } from '../../access/requires.decorator';
import { CaseIdPipe } from '../../http/case-id.pipe';
import { parseIdempotencyKey } from '../../http/idempotency-key';
import { RequestId } from '../../http/request-id.decorator';
import { RequestValidationError } from '../../http/request-validation.error';
import { bodyRulesOf } from '../body-rules';
import { parseIfMatch } from '../../http/revision-tag';
import { HANDOFF_OPENAPI_EXAMPLES, RecordHandoffDto, validateHandoff } from '../dto';
import type { RecordedHandoff } from '../handoff-recorder';
import { RecordHandoffCommand } from './record-handoff.command';
import { ApiRecordedResponse, RecordedHandoffDto, sendRecordedHandoff } from '../../http/recorded-handoff.response';
import { ApiProblemResponses, BODY_PROBLEMS } from '../../http/problem.response';

@ApiTags('cases')
@Controller('cases')
export class RecordHandoffController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
  ) {}

  @Post(':id/events')
  @Requires('case:record-handoff')
  @ApiOperation({ summary: 'Record one handoff or victim touchpoint on a case; `data` is validated for its `type`' })
  @ApiBody({ type: RecordHandoffDto, examples: HANDOFF_OPENAPI_EXAMPLES })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Write only if the case is still at this revision (its ETag)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'For callers without a source reference: same key, one event' })
  @ApiProblemResponses(...BODY_PROBLEMS, { 404: 'No such case, or one outside your areas', 409: 'If-Match no longer holds; the body gives the current revision' }, 422, 503)
  @ApiRecordedResponse('Recorded; ETag is the new revision. A repeated delivery answers the same, with Idempotent-Replayed: true')
  async recordHandoff(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @Caller() caller: Grant,
    @RequestId() requestId: string | undefined,
  ): Promise<RecordedHandoffDto> {
    const expectedRevision = parseIfMatch(ifMatch);
    const key = parseIdempotencyKey(idempotencyKey);
    const validation = validateHandoff(body, bodyRulesOf(this.configuration));
    if (!validation.ok) throw new RequestValidationError(validation.errors, validation.total);
    const recorded = await this.commands.execute<RecordHandoffCommand, RecordedHandoff>(
      new RecordHandoffCommand(caseId, validation.value, caller, expectedRevision, key, requestId),
    );
    return sendRecordedHandoff(response, recorded);
  }
}
