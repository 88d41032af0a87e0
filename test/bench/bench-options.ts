/**
 * The bench scripts' flags. Each script declares its options, with their types and defaults, and
 * Node's own `util.parseArgs` reads them: `--name=value` or `--name value`, a boolean as `--name`.
 * An unknown flag, a missing value, a bad number or a value outside a flag's choices stops the
 * script with the flag named and the usage, rather than being ignored; `--help` prints the usage.
 */
import { basename } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type BenchOption =
  | { readonly type: 'boolean' }
  | { readonly type: 'string'; readonly default?: string; readonly choices?: readonly string[] }
  /** `integer`: a whole number, zero or more (a count, a port, a seed). */
  | { readonly type: 'number' | 'integer'; readonly default?: number };

type Absent<O> = O extends { default: unknown } ? never : undefined;
type ValueOf<O extends BenchOption> = O extends { type: 'boolean' }
  ? boolean
  : O extends { choices: readonly (infer Choice)[] }
    ? Choice | Absent<O>
    : O extends { type: 'string' }
      ? string | Absent<O>
      : number | Absent<O>;

type BenchOptions<Spec extends Record<string, BenchOption>> = { readonly [Name in keyof Spec]: ValueOf<Spec[Name]> };

class BadOption extends Error {}

export function benchOptions<const Spec extends Record<string, BenchOption>>(spec: Spec, argv: readonly string[] = process.argv.slice(2)): BenchOptions<Spec> {
  const parsed = parsedOrProblem(spec, argv);
  if (parsed === 'help') {
    process.stdout.write(usage(spec));
    process.exit(0);
  }
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n\n${usage(spec)}`);
    process.exit(2);
  }
  return parsed;
}

function parsedOrProblem<Spec extends Record<string, BenchOption>>(spec: Spec, argv: readonly string[]): BenchOptions<Spec> | 'help' | string {
  const declared: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean' } };
  for (const [name, option] of Object.entries(spec)) declared[name] = { type: option.type === 'boolean' ? 'boolean' : 'string' };
  try {
    const { values } = parseArgs({ args: [...argv], options: declared, strict: true, allowPositionals: false });
    if (values.help) return 'help';
    return Object.fromEntries(Object.entries(spec).map(([name, option]) => [name, valueOf(name, option, values[name] as string | boolean | undefined)])) as BenchOptions<Spec>;
  } catch (error) {
    if (error instanceof BadOption || isParseArgsError(error)) return error.message;
    throw error;
  }
}

/** By its code: Node's own errors need not be instances of this realm's TypeError (under jest they are not). */
function isParseArgsError(error: unknown): error is Error & { code: string } {
  return typeof error === 'object' && error !== null && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');
}

function valueOf(name: string, option: BenchOption, given: string | boolean | undefined): string | number | boolean | undefined {
  if (option.type === 'boolean') return given === true;
  if (typeof given !== 'string') return option.default;
  if (option.type === 'string') {
    if (option.choices && !option.choices.includes(given)) throw new BadOption(`--${name} must be one of ${option.choices.join(', ')}, not '${given}'`);
    return given;
  }
  const value = given.trim() === '' ? NaN : Number(given);
  if (!Number.isFinite(value)) throw new BadOption(`--${name} must be a number, not '${given}'`);
  if (option.type === 'integer' && !(Number.isSafeInteger(value) && value >= 0)) throw new BadOption(`--${name} must be a whole number, zero or more, not '${given}'`);
  return value;
}

function usage(spec: Record<string, BenchOption>): string {
  const lines = Object.entries(spec).map(([name, option]) => {
    if (option.type === 'boolean') return `  --${name}`;
    const kind = option.type === 'string' ? (option.choices?.join('|') ?? 'text') : option.type;
    return `  --${name}=<${kind}>${option.default === undefined || option.default === '' ? '' : `  (default ${option.default})`}`;
  });
  return [`Options of ${basename(process.argv[1] ?? 'this script')} (what each means: the comment at its top):`, ...lines, '  --help', ''].join('\n');
}
