/**
 * Imports a file of records straight into the configured event store, through the same recorder as
 * the API, with a progress bar and a summary at the end.
 *
 *   npm run import -- <file> [--source-system S] [--agency A] [--mapping M] [--dry-run]
 *
 * Started again on the same file, an unfinished import resumes from its last checkpoint.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { SingleBar } from 'cli-progress';
import { AGENCIES, type Agency } from '@case-journey/domain';
import type { Principal } from '@case-journey/access';
import { loadConfiguration, type AppConfiguration } from '@case-journey/platform';
import { ImportJournal, newImportStatus, paceOf, type ImportStatus } from './import-journal';
import { openImporterServices } from './importer-services';
import { processImport } from './process-import';
import { loadMapping } from './mappings/shipped-mappings';
import { sourceFor } from './record-sources';

export const USAGE = `Usage: npm run import -- <file> [options]

  <file>                  NDJSON (one request body a line; gzip too), or a CSV extract with --mapping
  --source-system <S>     the system the file comes from: lines naming none get it, lines naming another are refused
  --agency <A>            record every line as this agency's (${AGENCIES.join(', ')}); without it each line names its agency
  --mapping <M>           the mapping of a CSV extract's columns and codes onto the records: a shipped one by name
                          (police-crime-extract, court-results) or a mapping file
  --dry-run               decide every line and report, storing nothing
  --help`;

export interface ImportArguments {
  file: string;
  sourceSystem?: string;
  agency?: Agency;
  mapping?: string;
  dryRun: boolean;
}

export class ArgumentError extends Error {}

export function parseImportArguments(argv: readonly string[]): ImportArguments | 'help' {
  let file: string | undefined;
  const parsed: Omit<ImportArguments, 'file'> = { dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new ArgumentError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--help') return 'help';
    else if (flag === '--source-system') parsed.sourceSystem = value();
    else if (flag === '--mapping') parsed.mapping = value();
    else if (flag === '--dry-run') parsed.dryRun = true;
    else if (flag === '--agency') {
      const agency = value();
      if (!(AGENCIES as readonly string[]).includes(agency)) throw new ArgumentError(`--agency must be one of ${AGENCIES.join(', ')}, not ${agency}`);
      parsed.agency = agency as Agency;
    } else if (flag.startsWith('--')) throw new ArgumentError(`Unknown option ${flag}`);
    else if (file === undefined) file = flag;
    else throw new ArgumentError(`One file at a time: ${file} and ${flag}`);
  }
  if (file === undefined) throw new ArgumentError('Name the file to import');
  return { file, ...parsed };
}

/**
 * The operator at the console: trusted as the data folder's owner is, so unrestricted (admin), and
 * recording as the agency named, or as each line's own. They are the recorder of every line.
 */
export function operatorOf(args: ImportArguments): Principal {
  return { subject: `import-cli:${userInfo().username}`, roles: ['admin'], ...(args.agency && { agency: args.agency }), areas: [], sourceSystems: args.sourceSystem ? [args.sourceSystem] : [] };
}

/** The same file (by path, size and time) with the same options resumes its import; anything else is a new one. */
function journalFor(configuration: AppConfiguration, args: ImportArguments, path: string): ImportJournal {
  const { size, mtimeMs } = statSync(path);
  const key = createHash('sha256').update(JSON.stringify([path, size, mtimeMs, args.sourceSystem, args.agency, args.mapping, args.dryRun])).digest('hex').slice(0, 16);
  return new ImportJournal(join(configuration.dataDirectory, 'imports', `cli-${key}`));
}

function summary(status: ImportStatus, journal: ImportJournal): string {
  const { linesRead, accepted, replayed, rejected } = status.tally;
  const { linesPerSecond } = paceOf(status, new Date());
  const lines = [
    `${status.state === 'completed' ? 'Imported' : `Import ${status.state}:`} ${status.fileName}${status.dryRun ? ' (dry run: nothing stored)' : ''}`,
    `  lines read ${linesRead}, accepted ${accepted}, replayed ${replayed}, rejected ${rejected}; ${linesPerSecond ?? 0} lines/s`,
  ];
  if (rejected > 0) lines.push(`  rejected lines, with their line numbers and reasons: ${journal.rejectionsPath}`);
  if (status.error) lines.push(`  ${status.error}`);
  return `${lines.join('\n')}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseImportArguments(argv);
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.mapping) loadMapping(args.mapping);
  const path = resolve(args.file);
  const configuration = loadConfiguration();
  const journal = journalFor(configuration, args, path);
  if (!journal.exists() || journal.read().state === 'completed') {
    journal.create(newImportStatus(basename(journal.directory), operatorOf(args), { format: args.mapping ? 'csv' : 'ndjson', ...(args.mapping && { mapping: args.mapping }), fileName: basename(path), bytesTotal: statSync(path).size, dryRun: args.dryRun, ...(args.sourceSystem && { sourceSystem: args.sourceSystem }) }, new Date()));
  } else {
    process.stderr.write(`Resuming after line ${journal.read().checkpoint.line}\n`);
  }
  const importer = await openImporterServices(configuration);
  const bar = new SingleBar({ format: '{bar} {percentage}% | {lines} lines: {accepted} accepted, {replayed} replayed, {rejected} rejected | {rate} lines/s | ETA {eta_formatted}', hideCursor: true });
  const total = journal.read().bytesTotal;
  bar.start(total, 0, { lines: 0, accepted: 0, replayed: 0, rejected: 0, rate: 0 });
  try {
    const status = await processImport(journal, path, importer.services, {
      onProgress: (progress) => bar.update(progress.bytesRead, { lines: progress.tally.linesRead, ...progress.tally, rate: paceOf(progress, new Date()).linesPerSecond ?? 0 }),
    }, sourceFor(journal.read().format, args.mapping));
    bar.update(status.bytesRead);
    bar.stop();
    process.stdout.write(summary(status, journal));
    return status.state === 'completed' ? 0 : 1;
  } finally {
    bar.stop();
    await importer.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof ArgumentError ? `${error.message}\n\n${USAGE}` : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
