import type { Readable } from 'node:stream';
import type { Grant } from '@case-journey/access';
import type { ImportFormat } from '../import-journal';
import type { StartImportDto } from './start-import.dto';

export class StartImportCommand {
  constructor(
    readonly body: Readable,
    readonly format: ImportFormat,
    readonly fileName: string,
    readonly params: StartImportDto,
    readonly caller: Grant,
  ) {}
}
