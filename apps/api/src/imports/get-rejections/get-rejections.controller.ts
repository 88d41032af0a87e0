import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Controller, Get, Param, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { stringify } from 'csv-stringify';
import type { Request } from 'express';
import type { Grant } from '@case-journey/access';
import { Caller } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { QueryParamsPipe } from '../../http/query-params.pipe';
import { ImportStore } from '../import-store';
import { rejectionRows, REJECTION_COLUMNS } from './rejection-rows';
import { RejectedLineDto } from '../import.response';
import { ApiProblemResponses } from '../../http/problem.response';

export class RejectionsFormatDto {
  @ApiPropertyOptional({ enum: ['ndjson', 'csv'], description: 'Instead of the Accept header' })
  @IsOptional()
  @IsIn(['ndjson', 'csv'])
  format?: 'ndjson' | 'csv';
}

@ApiTags('imports')
@Controller('imports')
export class GetRejectionsController {
  constructor(private readonly imports: ImportStore) {}

  @Get(':id/rejections')
  @Requires('imports:run')
  @ApiProduces('application/x-ndjson', 'text/csv')
  @ApiOperation({
    summary: "An import's rejected lines so far, streamed, each with its line number, the problem (status, field, reason, as the API answers) and the line as sent, ready to fix and send again",
  })
  @ApiProblemResponses(400, { 404: "No such import, or another agency's" })
  @ApiOkResponse({
    description: 'NDJSON, a rejected line each; or CSV (format=csv, or Accept: text/csv), a row per field at fault',
    content: {
      'application/x-ndjson': { schema: { $ref: getSchemaPath(RejectedLineDto) } },
      'text/csv': { schema: { type: 'string', description: `Columns: ${REJECTION_COLUMNS.join(', ')}` } },
    },
  })
  @ApiExtraModels(RejectedLineDto)
  get(@Param('id') id: string, @Query(QueryParamsPipe) { format }: RejectionsFormatDto, @Req() request: Request, @Caller() caller: Grant): StreamableFile {
    const { journal } = this.imports.visible(id, caller);
    const wanted = format ?? (request.accepts(['application/x-ndjson', 'text/csv']) === 'text/csv' ? 'csv' : 'ndjson');
    const lines = createReadStream(journal.rejectionsPath);
    if (wanted === 'ndjson') return new StreamableFile(lines, { type: 'application/x-ndjson; charset=utf-8' });
    const csv = Readable.from(rejectionRows(lines)).pipe(stringify({ header: true, columns: [...REJECTION_COLUMNS] }));
    return new StreamableFile(csv, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="import-${id}-rejections.csv"` });
  }
}
