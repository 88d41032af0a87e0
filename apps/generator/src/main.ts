import { PersonalDataVault } from '@case-journey/personal-data';
import { loadConfiguration, openEventStore, openVictimKeyStore } from '@case-journey/platform';
import type { VictimPersonalData } from '@case-journey/domain';
import { generateCases, profileNamed, requestChunks, type GeneratorOptions, type SealPersonalData } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { ArgumentError, parseArguments, USAGE, type GeneratorArguments } from './generator-arguments';
import { loadIntoStore } from './load-into-store';

import { seededSealer } from './seeded-sealer';
import { fileSink, streamSink, writeNdjson } from './write-ndjson';

/**
 * The synthetic case-journey generator: NDJSON to a file or stdout (byte-identical for a seed), or
 * straight into the configured event store, sealing victims' details with the product's own keys.
 */
async function main(argv: readonly string[]): Promise<void> {
  const args = parseArguments(argv);
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const started = process.hrtime.bigint();
  const summary = args.toStore ? await toStore(args) : await toNdjson(args);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(`${summary} in ${seconds.toFixed(1)} s (profile ${args.profile}, seed ${args.seed})\n`);
}

function optionsOf(args: GeneratorArguments): Omit<GeneratorOptions, 'seal'> {
  return { seed: args.seed, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, cases: args.cases, now: args.now };
}

async function toNdjson(args: GeneratorArguments): Promise<string> {
  const sink = args.out && args.out !== '-' ? fileSink(args.out) : streamSink(process.stdout);
  const sealer = seededSealer(args.seed);
  const noted = new Map<string, VictimPersonalData>();
  const seal: SealPersonalData = args.requests ? (victimId, details) => (noted.set(victimId, details), sealer(victimId, details)) : sealer;
  const cases = generateCases(profileNamed(args.profile), { ...optionsOf(args), seal });
  const tally = await writeNdjson(cases, sink, args.requests ? requestChunks(noted) : undefined);
  return `Wrote ${args.requests ? 'the requests of ' : ''}${tally.events} events of ${tally.cases} cases (${(tally.bytes / 1e6).toFixed(1)} MB) to ${args.out ?? 'stdout'}`;
}

async function toStore(args: GeneratorArguments): Promise<string> {
  const configuration = loadConfiguration({ ...process.env, ...(args.dataDir ? { DATA_DIR: args.dataDir } : {}) });
  // The same key file as the apps, so the API can open the demo victims' details.
  const keys = openVictimKeyStore(configuration);
  const vault = new PersonalDataVault(keys);
  const store = await openEventStore(configuration);
  try {
    const cases = generateCases(profileNamed(args.profile), { ...optionsOf(args), seal: (victimId, details) => vault.seal(victimId, details) });
    const tally = await loadIntoStore(store, cases);
    return `Appended ${tally.events} events of ${tally.cases} cases and ${tally.redeliveries} re-deliveries to the ${configuration.eventStore} store at ${configuration.dataDirectory} (an event already stored is a no-op)`;
  } finally {
    await store.close();
    keys.close?.();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof ArgumentError ? `${error.message}\n\n${USAGE}` : error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
