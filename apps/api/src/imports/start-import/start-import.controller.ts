import { Controller, HttpCode, Post, Query, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Grant } from '@case-journey/access';
import { Caller } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { QueryParamsPipe } from '../../http/query-params.pipe';
import type { ImportFormat } from '../import-journal';
import { StartImportCommand } from './start-import.command';
import { StartImportDto } from './start-import.dto';
import type { ImportAccepted } from './start-import.handler';
import { ImportAcceptedDto } from '../import.response';
import { ApiProblemResponses } from '../../http/problem.response';

export const IMPORT_CONTENT_TYPES: Record<string, ImportFormat> = { 'application/x-ndjson': 'ndjson', 'text/csv': 'csv' };

/** The file's format by its Content-Type; text in another charset than UTF-8, or another type, is 415. */
function formatOf(request: Request): ImportFormat {
  const [type, ...parameters] = String(request.headers['content-type'] ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  const format = IMPORT_CONTENT_TYPES[type];
  if (!format) throw new UnsupportedMediaTypeException(`An import is NDJSON (Content-Type: application/x-ndjson) or CSV (text/csv), not ${type || 'untyped'}`);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new UnsupportedMediaTypeException(`An import must be UTF-8, not ${charset}`);
  return format;
}

@ApiTags('imports')
@Controller('imports')
export class StartImportController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @Requires('imports:run')
  @ApiConsumes('application/x-ndjson', 'text/csv')
  @ApiHeader({ name: 'Content-Disposition', required: false, description: 'The file\'s name, as `attachment; filename="…"`; upload.ndjson or upload.csv when not given' })
  @ApiBody({ description: 'The file: NDJSON, one request body a line (Content-Encoding: gzip allowed), or CSV read through `mapping`', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Import a file of records: NDJSON (one request body a line; gzip too) or CSV through a mapping, streamed, then stored by a job',
    description:
      'Each line is the body of the single request it stands for: POST /cases with "type": "CrimeReported", or POST /cases/:id/events with the case\'s id as "caseId". ' +
      'Each is validated and recorded exactly as that request would be, and accepted, replayed (already stored) or rejected. Follow it at GET /imports/{id}.',
  })
  @ApiProblemResponses(400, { 413: 'Over IMPORT_MAX_FILE_BYTES', 415: 'Neither NDJSON nor CSV, or not UTF-8' }, 503)
  @ApiAcceptedResponse({ type: ImportAcceptedDto, description: 'Stored and queued; Location is its status' })
  async start(@Query(QueryParamsPipe) params: StartImportDto, @Req() request: Request, @Res({ passthrough: true }) response: Response, @Caller() caller: Grant): Promise<ImportAcceptedDto> {
    const format = formatOf(request);
    const fileName = String(request.headers['content-disposition'] ?? '').match(/filename="?([^";]+)"?/)?.[1] ?? `upload.${format}`;
    const accepted = await this.commands.execute<StartImportCommand, ImportAccepted>(new StartImportCommand(request, format, fileName, params, caller));
    response.setHeader('Location', accepted.status);
    return accepted;
  }
}
