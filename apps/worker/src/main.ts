import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { keyWrappingNotice, loadConfiguration } from '@case-journey/platform';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const configuration = loadConfiguration();
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(configuration));
  worker.enableShutdownHooks();
  Logger.log(`case-journey worker running (event store: ${configuration.eventStore}, Redis: ${configuration.redisUrl}, ${keyWrappingNotice(configuration)})`, 'Main');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
