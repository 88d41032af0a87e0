import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { Grant } from '@case-journey/access';
import { AppConfiguration } from '@case-journey/platform';
import { ImportJournal, type ImportStatus } from './import-journal';

/** An import that does not exist, or that the caller may not see (another agency's). */
export class ImportNotFoundError extends Error {
  override readonly name = 'ImportNotFoundError';
  readonly status = 404;
  constructor(readonly importId: string) {
    super(`No import ${importId}`);
  }
}

/** The imports' folders, under DATA_DIR/imports, one per import id. */
@Injectable()
export class ImportStore {
  constructor(@Inject(AppConfiguration) private readonly configuration: AppConfiguration) {}

  newId(): string {
    return randomUUID();
  }

  journal(id: string): ImportJournal {
    return new ImportJournal(join(this.configuration.dataDirectory, 'imports', id));
  }

  /** The import as the caller may see it: an agency system sees only its own agency's imports, others are not found. */
  visible(id: string, caller: Grant): { journal: ImportJournal; status: ImportStatus } {
    if (!isUUID(id)) throw new ImportNotFoundError(id);
    const journal = this.journal(id);
    if (!journal.exists()) throw new ImportNotFoundError(id);
    const status = journal.read();
    if (caller.scope.includes('own-agency') && status.owner.agency !== caller.principal.agency) throw new ImportNotFoundError(id);
    return { journal, status };
  }
}
