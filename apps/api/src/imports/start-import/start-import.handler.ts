import { mkdirSync, rmSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, PayloadTooLargeException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfiguration, CLOCK, type Clock } from '@case-journey/platform';
import { AccessRefusedError } from '../../access/access-refused.error';
import { RequestValidationError } from '../../http/request-validation.error';
import { newImportStatus } from '../import-journal';
import { ImportQueue } from '../import-queue';
import { ImportStore } from '../import-store';
import { isKnownMapping } from '../record-sources';
import { StartImportCommand } from './start-import.command';

export interface ImportAccepted {
  id: string;
  state: 'queued';
  status: string;
  rejections: string;
}

/**
 * Streams the upload to the import's folder (never held in memory), then queues its job. An upload
 * over IMPORT_MAX_FILE_BYTES is cut off and removed: 413.
 */
@CommandHandler(StartImportCommand)
export class StartImportHandler implements ICommandHandler<StartImportCommand, ImportAccepted> {
  constructor(
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly imports: ImportStore,
    private readonly queue: ImportQueue,
  ) {}

  async execute({ body, format, fileName, params, caller }: StartImportCommand): Promise<ImportAccepted> {
    if (format === 'csv' && !params.mapping) throw new RequestValidationError([{ field: 'mapping', messages: ['a CSV extract needs the mapping of its columns (mapping=…)'] }]);
    if (params.mapping && !isKnownMapping(params.mapping)) throw new RequestValidationError([{ field: 'mapping', messages: [`no mapping ${params.mapping}`] }]);
    const { sourceSystem } = params;
    if (sourceSystem && caller.scope.includes('own-source-systems') && !caller.principal.sourceSystems.includes(sourceSystem)) {
      throw new AccessRefusedError(`source system ${sourceSystem} is not one of yours (${caller.principal.sourceSystems.join(', ') || 'none'})`, 'sourceSystem');
    }
    const id = this.imports.newId();
    const journal = this.imports.journal(id);
    mkdirSync(journal.directory, { recursive: true });
    let bytes = 0;
    const limit = this.configuration.importMaxFileBytes;
    try {
      await pipeline(
        body,
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            bytes += chunk.length;
            done(bytes > limit ? new PayloadTooLargeException(`The file is over ${limit} bytes (IMPORT_MAX_FILE_BYTES)`) : null, chunk);
          },
        }),
        createWriteStream(journal.uploadPath),
      );
    } catch (error) {
      rmSync(journal.directory, { recursive: true, force: true });
      throw error;
    }
    if (bytes === 0) {
      rmSync(journal.directory, { recursive: true, force: true });
      throw new RequestValidationError([{ field: 'body', messages: ['the file is empty: send the extract itself as the request body'] }]);
    }
    journal.create(newImportStatus(id, caller.principal, { format, fileName, bytesTotal: bytes, dryRun: params.dryRun ?? false, ...(sourceSystem && { sourceSystem }), ...(params.mapping && { mapping: params.mapping }) }, this.clock.now()));
    try {
      await this.queue.add(id);
    } catch (error) {
      // Not queued (Redis away: 503): nothing of a refused request is kept.
      rmSync(journal.directory, { recursive: true, force: true });
      throw error;
    }
    return { id, state: 'queued', status: `/imports/${id}`, rejections: `/imports/${id}/rejections` };
  }
}
