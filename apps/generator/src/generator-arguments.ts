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

/** `clock` is read only for `--now now`. */
export function parseArguments(argv: readonly string[], clock: () => Date = () => new Date()): GeneratorArguments | 'help' {
  const parsed: GeneratorArguments = { profile: 'demo', seed: 42, toStore: false, requests: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new ArgumentError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--help':
        return 'help';
      case '--profile':
        parsed.profile = value();
        if (!PROFILES[parsed.profile]) throw new ArgumentError(`Unknown profile ${parsed.profile} (known: ${Object.keys(PROFILES).join(', ')})`);
        break;
      case '--seed':
        parsed.seed = integer(flag, value());
        break;
      case '--out':
        parsed.out = value();
        break;
      case '--requests':
        parsed.requests = true;
        break;
      case '--to-store':
        parsed.toStore = true;
        break;
      case '--data-dir':
        parsed.dataDir = value();
        break;
      case '--cases':
        parsed.cases = integer(flag, value());
        if (parsed.cases < 0) throw new ArgumentError('--cases must not be negative');
        break;
      case '--now':
        parsed.now = value();
        if (parsed.now === 'now') parsed.now = new Date(Math.floor(clock().getTime() / 3_600_000) * 3_600_000).toISOString();
        if (Number.isNaN(Date.parse(parsed.now))) throw new ArgumentError(`--now must be an ISO instant or 'now', not ${parsed.now}`);
        break;
      default:
        throw new ArgumentError(`Unknown option ${flag}`);
    }
  }
  if (parsed.toStore && parsed.out !== undefined) throw new ArgumentError('Choose --out or --to-store, not both');
  if (parsed.toStore && parsed.requests) throw new ArgumentError('--requests writes NDJSON: choose it or --to-store, not both');
  return parsed;
}

function integer(flag: string, text: string): number {
  if (!/^-?\d+$/.test(text)) throw new ArgumentError(`${flag} must be an integer, not ${text}`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new ArgumentError(`${flag} is out of range: ${text}`);
  return value;
}
