import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@case-journey/platform';
import { paceOf, type ImportStatus } from '../import-journal';
import { ImportStore } from '../import-store';
import { GetImportQuery } from './get-import.query';

/** Where an import stands, as its owner (or an operator) may read it. */
export interface ImportProgress {
  id: string;
  state: ImportStatus['state'];
  format: ImportStatus['format'];
  fileName: string;
  sourceSystem: string | null;
  mapping: string | null;
  dryRun: boolean;
  linesRead: number;
  accepted: number;
  replayed: number;
  rejected: number;
  bytesRead: number;
  bytesTotal: number;
  /** Lines per second since it started. */
  linesPerSecond: number | null;
  /** At the pace so far, the seconds left. */
  secondsLeft: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

@QueryHandler(GetImportQuery)
export class GetImportHandler implements IQueryHandler<GetImportQuery, ImportProgress> {
  constructor(
    private readonly imports: ImportStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ importId, caller }: GetImportQuery): Promise<ImportProgress> {
    const { status } = this.imports.visible(importId, caller);
    return {
      id: status.id,
      state: status.state,
      format: status.format,
      fileName: status.fileName,
      sourceSystem: status.sourceSystem ?? null,
      mapping: status.mapping ?? null,
      dryRun: status.dryRun,
      ...status.tally,
      bytesRead: status.bytesRead,
      bytesTotal: status.bytesTotal,
      ...paceOf(status, this.clock.now()),
      createdAt: status.createdAt,
      startedAt: status.startedAt ?? null,
      finishedAt: status.finishedAt ?? null,
      error: status.error ?? null,
    };
  }
}
