import { parseArgs } from 'node:util';
import { PROFILES } from '@case-journey/synthetic';

export interface GeneratorArguments {
  profile: string;
  seed: number;
  /** NDJSON file to write; '-' or nothing (without --to-store) writes to stdout. */
  out?: string;
  toStore: boolean;
  /** NDJSON of the requests agencies would send (an import file), not of the events stored. */
  requests: boolean;
  dataDir?: string;
  cases?: number;
  now?: string;
}

export const USAGE = `Usage: node -r @swc-node/register apps/generator/src/main.ts [options]

  --profile <name>    ${Object.keys(PROFILES).join(' | ')} (default demo)
  --seed <integer>    the same seed and profile give byte-identical NDJSON (default 42)
  --out <file>        write NDJSON, one event a line ('-' for stdout, the default)
  --requests          write the requests the agencies' systems would send, one a line (an import file for
                      npm run import or POST /imports), instead of the events as stored; victims' details in clear
  --to-store          append the cases through the event store port instead (DATA_DIR / EVENT_STORE as the apps read them)
  --data-dir <dir>    the data directory for --to-store (overrides DATA_DIR)
  --cases <n>         generate n cases instead of the profile's number
  --now <instant>     the generator's clock (ISO), instead of the profile's fixed one; 'now' for the
                      current hour, so that a demo's open cases have contacts due today
  --help`;

export class ArgumentError extends Error {}

const OPTIONS = {
  help: { type: 'boolean' },
  profile: { type: 'string', default: 'demo' },
  seed: { type: 'string' },
  out: { type: 'string' },
  requests: { type: 'boolean', default: false },
  'to-store': { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
  cases: { type: 'string' },
  now: { type: 'string' },
} as const;

/** `clock` is read only for `--now now`. */
export function parseArguments(argv: readonly string[], clock: () => Date = () => new Date()): GeneratorArguments | 'help' {
  const values = parsedFlags(argv);
  if (values.help) return 'help';
  if (!PROFILES[values.profile]) throw new ArgumentError(`Unknown profile ${values.profile} (known: ${Object.keys(PROFILES).join(', ')})`);
  const parsed: GeneratorArguments = { profile: values.profile, seed: values.seed === undefined ? 42 : integer('--seed', values.seed), toStore: values['to-store'], requests: values.requests };
  if (values.out !== undefined) parsed.out = values.out;
  if (values['data-dir'] !== undefined) parsed.dataDir = values['data-dir'];
  if (values.cases !== undefined) {
    parsed.cases = integer('--cases', values.cases);
    if (parsed.cases < 0) throw new ArgumentError('--cases must not be negative');
  }
  if (values.now !== undefined) {
    parsed.now = values.now === 'now' ? new Date(Math.floor(clock().getTime() / 3_600_000) * 3_600_000).toISOString() : values.now;
    if (Number.isNaN(Date.parse(parsed.now))) throw new ArgumentError(`--now must be an ISO instant or 'now', not ${parsed.now}`);
  }
  if (parsed.toStore && parsed.out !== undefined) throw new ArgumentError('Choose --out or --to-store, not both');
  if (parsed.toStore && parsed.requests) throw new ArgumentError('--requests writes NDJSON: choose it or --to-store, not both');
  return parsed;
}

/** The flags as Node's util.parseArgs reads them (`--seed 7` or `--seed=7`); an unknown flag or a missing value is an ArgumentError. */
function parsedFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // By its code: Node's own errors need not be instances of this realm's TypeError (under jest they are not).
    if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_')) throw new ArgumentError((error as Error).message);
    throw error;
  }
}

function integer(flag: string, text: string): number {
  if (!/^-?\d+$/.test(text)) throw new ArgumentError(`${flag} must be an integer, not ${text}`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new ArgumentError(`${flag} is out of range: ${text}`);
  return value;
}
