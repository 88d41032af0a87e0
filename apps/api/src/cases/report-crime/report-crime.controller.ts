import { Body, Controller, Headers, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Grant } from '@case-journey/access';
import { Caller } from '../../access/caller.decorator';
import { AppConfiguration } from '@case-journey/platform';
import { Requires } from '../../access/requires.decorator';
import { parseIdempotencyKey } from '../../http/idempotency-key';
import { RequestId } from '../../http/request-id.decorator';
import { RequestValidationError } from '../../http/request-validation.error';
import { bodyRulesOf } from '../body-rules';
import { CRIME_REPORT_OPENAPI_EXAMPLES, ReportCrimeDto, validateCrimeReport } from '../dto';
import type { RecordedHandoff } from '../handoff-recorder';
import { ReportCrimeCommand } from './report-crime.command';
import { ApiRecordedResponse, RecordedHandoffDto, sendRecordedHandoff } from '../../http/recorded-handoff.response';
import { ApiProblemResponses, BODY_PROBLEMS } from '../../http/problem.response';

@ApiTags('cases')
@Controller('cases')
export class ReportCrimeController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
  ) {}

  @Post()
  @Requires('case:report')
  @ApiOperation({ summary: 'Open a case from a crime report, with its victims (their details are sealed before storage)' })
  @ApiBody({ type: ReportCrimeDto, examples: CRIME_REPORT_OPENAPI_EXAMPLES })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key, same answer: the report is stored once' })
  @ApiProblemResponses(...BODY_PROBLEMS, { 422: 'A journey rule is broken (a report dated in the future, say), or the source reference or Idempotency-Key was used for a different record' }, 503)
  @ApiRecordedResponse('Case opened; ETag is its revision, Location the case')
  async reportCrime(
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @Caller() caller: Grant,
    @RequestId() requestId: string | undefined,
  ): Promise<RecordedHandoffDto> {
    const key = parseIdempotencyKey(idempotencyKey);
    const validation = validateCrimeReport(body, bodyRulesOf(this.configuration));
    if (!validation.ok) throw new RequestValidationError(validation.errors, validation.total);
    const recorded = await this.commands.execute<ReportCrimeCommand, RecordedHandoff>(new ReportCrimeCommand(validation.value, caller, key, requestId));
    return sendRecordedHandoff(response, recorded);
  }
}
