import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfiguration } from '@case-journey/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/**
 * `npm run worker` as its own process, its clock TEST_CLOCK_OFFSET_MS ahead of the machine's (or
 * behind): a test brings a Victims' Code deadline, always the end of a day, to a real instant
 * seconds away. Every worker of a test runs with the same offset, so they agree on the time; BullMQ
 * delays jobs by the difference, which the offset leaves as it is.
 */
async function main(): Promise<void> {
  const offsetMs = Number(process.env.TEST_CLOCK_OFFSET_MS ?? '0');
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfiguration(), { clock: { now: () => new Date(Date.now() + offsetMs) } }));
  worker.enableShutdownHooks();
  Logger.log(`case-journey worker running (clock ${offsetMs} ms off the machine's)`, 'Main');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
