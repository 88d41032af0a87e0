import { grantFor } from '@case-journey/access';
import type { AppConfiguration, Clock } from '@case-journey/platform';
import { bodyRulesOf } from '../cases/body-rules';
import type { CaseStreamRepository } from '../cases/case-stream.repository';
import type { HandoffRecorder } from '../cases/handoff-recorder';
import { type ImportJournal, type ImportStatus } from './import-journal';
import { runImport } from './import-run';
import { isDescribedSource } from './record-sources';
import { ImportFileError, type SourceLine, type SourceOptions } from './source-lines';
import { validatedOnThread } from './validation-thread';

/** What an import needs of the application: the recorder every write goes through, and the settings. */
export interface ImportServices {
  recorder: HandoffRecorder;
  repository: CaseStreamRepository;
  configuration: AppConfiguration;
  clock: Clock;
}

export interface ImportHooks {
  /** After each stored batch, and as bytes are read (for a progress bar). */
  onProgress?: (status: ImportStatus) => void;
  batchSize?: number;
  /**
   * Read, parse and validate the lines on a thread of their own (the second core) while this one
   * decides and stores them. By default, for a file of VALIDATION_THREAD_MIN_BYTES or more whose
   * source can say what it reads: a thread costs about a second to start.
   */
  validationThread?: boolean;
  /**
   * Asked after each batch is stored and before its rejections and checkpoint are written: rejects
   * when this run no longer owns the import (its job's lock lapsed, and another process may be
   * running it from the checkpoint), so that this run writes nothing more and stops. The batch itself
   * is stored either way; the other run replays it.
   */
  stillOwned?: () => Promise<void>;
}

export const VALIDATION_THREAD_MIN_BYTES = 4 * 2 ** 20;

/**
 * The page cache of each SQLite file the importer's process opens (the CLI, an API import's process:
 * the event store and the victims' keys), in KiB: SQLite's own default, not better-sqlite3's 16,000,
 * which filled as the files grew and made the importer's RSS rise through a long import (README, the
 * importer's memory).
 */
export const IMPORT_PAGE_CACHE_KIB = 2_000;

/**
 * Events of folded cases an importer keeps between its batches, whatever the API's FOLDED_EVENTS_KEPT:
 * its heap is bounded (`importHeapFlags`), and an operator's larger setting for the API is not its to spend.
 */
export const IMPORT_FOLDED_EVENTS_KEPT = 50_000;

/** The records of the import's file: each line parsed (NDJSON) or mapped (CSV). */
export type RecordSource = (path: string, options: SourceOptions) => AsyncIterable<SourceLine>;

/**
 * Runs an import from its last checkpoint to the end of its file: the one way a file is imported,
 * whether the HTTP route's job or the CLI started it. A file it cannot read on (a truncated gzip)
 * fails the import, naming the line it got to; every line before stays stored.
 */
export async function processImport(journal: ImportJournal, path: string, services: ImportServices, hooks: ImportHooks, source: RecordSource): Promise<ImportStatus> {
  let status = journal.read();
  if (status.state === 'completed' || status.state === 'failed') return status;
  const decision = grantFor(status.owner, 'imports:run');
  if (!decision.granted) return finish(journal, 'failed', services.clock, `the import's owner may no longer import: ${decision.reason}`);
  journal.rewindRejections(status.checkpoint.rejectionsBytes);
  // Running again after its process died: the reason it stopped (`error`) no longer stands.
  status = journal.update(({ error: _stopped, ...current }) => ({ ...current, state: 'running', startedAt: current.startedAt ?? services.clock.now().toISOString() }));
  let bytesRead = status.bytesRead;
  const options: SourceOptions = {
    maxLineBytes: services.configuration.importMaxLineBytes,
    resumeAfter: status.checkpoint.line > 0 ? status.checkpoint : undefined,
    onBytesRead: (bytes) => {
      bytesRead = Math.max(bytesRead, bytes);
      hooks.onProgress?.({ ...status, bytesRead });
    },
  };
  const context = { caller: decision.grant, rules: bodyRulesOf(services.configuration), now: () => services.clock.now(), sourceSystem: status.sourceSystem };
  const onThread = isDescribedSource(source) && (hooks.validationThread ?? status.bytesTotal >= VALIDATION_THREAD_MIN_BYTES);
  try {
    await runImport({
      lines: onThread ? validatedOnThread(path, source.spec, options, { rules: context.rules, sourceSystem: context.sourceSystem }) : source(path, options),
      context,
      recorder: services.recorder,
      repository: services.repository,
      dryRun: status.dryRun,
      tally: status.tally,
      batchSize: hooks.batchSize,
      onCommitted: async (rejections, checkpoint, tally) => {
        await hooks.stillOwned?.();
        const rejectionsBytes = journal.appendRejections(rejections);
        status = journal.update((current) => ({ ...current, tally, bytesRead, checkpoint: { ...checkpoint, rejectionsBytes } }));
        hooks.onProgress?.(status);
      },
    });
  } catch (error) {
    if (error instanceof ImportFileError) return finish(journal, 'failed', services.clock, `${error.message} (after line ${journal.read().checkpoint.line}, the last stored)`);
    throw error;
  }
  return finish(journal, 'completed', services.clock);
}

function finish(journal: ImportJournal, state: 'completed' | 'failed', clock: Clock, error?: string): ImportStatus {
  return journal.update((current) => ({
    ...current,
    state,
    ...(state === 'completed' && { bytesRead: current.bytesTotal }),
    finishedAt: clock.now().toISOString(),
    ...(error && { error }),
  }));
}
