import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Principal } from '@case-journey/access';
import { EMPTY_TALLY, type ImportCheckpoint, type ImportTally, type RejectedLine } from './import-run';

export const IMPORT_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];
export const IMPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Everything kept about one import, in its own folder under DATA_DIR/imports. */
export interface ImportStatus {
  id: string;
  state: ImportState;
  format: ImportFormat;
  /** Who started it, as signed in: its lines are recorded as theirs, and an agency system reads only its agency's imports. */
  owner: Principal;
  /** The file as the sender named it. */
  sourceSystem?: string;
  mapping?: string;
  dryRun: boolean;
  fileName: string;
  bytesTotal: number;
  bytesRead: number;
  tally: ImportTally;
  /** Stored for good up to here; `rejectionsBytes` is the rejections file's size at that point. */
  checkpoint: ImportCheckpoint & { rejectionsBytes: number };
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Why a failed import stopped. */
  error?: string;
}

/**
 * An import's folder: the file as uploaded, its status (rewritten whole and renamed into place, so
 * a crash leaves the last one intact) and its rejected lines (NDJSON, appended). The rejections of a
 * batch are written and synced before the checkpoint that counts them; a resumed import cuts the
 * file back to the checkpoint's size, so no rejection is written twice.
 */
export class ImportJournal {
  constructor(readonly directory: string) {}

  get uploadPath(): string {
    return join(this.directory, 'upload');
  }

  get rejectionsPath(): string {
    return join(this.directory, 'rejections.ndjson');
  }

  private get statusPath(): string {
    return join(this.directory, 'status.json');
  }

  exists(): boolean {
    return existsSync(this.statusPath);
  }

  create(status: ImportStatus): void {
    mkdirSync(this.directory, { recursive: true });
    writeFileSync(this.rejectionsPath, '');
    this.write(status);
  }

  read(): ImportStatus {
    return JSON.parse(readFileSync(this.statusPath, 'utf8')) as ImportStatus;
  }

  write(status: ImportStatus): void {
    const temporary = `${this.statusPath}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(status));
    renameSync(temporary, this.statusPath);
  }

  update(change: (status: ImportStatus) => ImportStatus): ImportStatus {
    const next = change(this.read());
    this.write(next);
    return next;
  }

  /** Appends and syncs the lines; answers the file's size after them. */
  appendRejections(rejections: readonly RejectedLine[]): number {
    if (rejections.length > 0) {
      appendFileSync(this.rejectionsPath, rejections.map((rejection) => `${JSON.stringify(rejection)}\n`).join(''));
      const fd = openSync(this.rejectionsPath, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    return statSync(this.rejectionsPath).size;
  }

  /** Back to the checkpoint: rejections written after it are written again by the resumed import. */
  rewindRejections(size: number): void {
    truncateSync(this.rejectionsPath, size);
  }
}

/** Lines per second since the import started, and the seconds left at that pace of bytes. */
export function paceOf(status: ImportStatus, now: Date): { linesPerSecond: number | null; secondsLeft: number | null } {
  if (!status.startedAt) return { linesPerSecond: null, secondsLeft: null };
  const seconds = Math.max((new Date(status.finishedAt ?? now).getTime() - new Date(status.startedAt).getTime()) / 1000, 0.001);
  const linesPerSecond = Math.round(status.tally.linesRead / seconds);
  if (status.state !== 'running' || status.bytesRead === 0) return { linesPerSecond, secondsLeft: status.state === 'completed' ? 0 : null };
  const bytesPerSecond = status.bytesRead / seconds;
  return { linesPerSecond, secondsLeft: Math.round((status.bytesTotal - status.bytesRead) / bytesPerSecond) };
}

/** A new import's status, queued, nothing read yet. */
export function newImportStatus(id: string, owner: Principal, fields: Pick<ImportStatus, 'format' | 'fileName' | 'bytesTotal' | 'dryRun'> & Partial<ImportStatus>, now: Date): ImportStatus {
  return { id, state: 'queued', owner, bytesRead: 0, tally: { ...EMPTY_TALLY }, checkpoint: { line: 0, offset: 0, rejectionsBytes: 0 }, createdAt: now.toISOString(), ...fields };
}
