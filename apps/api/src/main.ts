import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { keyWrappingNotice, loadConfiguration } from '@case-journey/platform';
import cluster from 'node:cluster';
import { apiProcessCount, runClusterPrimary } from './cluster/api-cluster';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const configuration = loadConfiguration();
  const processes = apiProcessCount(configuration.apiProcesses);
  if (processes > 1 && cluster.isPrimary) return runClusterPrimary(processes);
  const app = await createApi(configuration);
  await app.listen(configuration.port, configuration.host);
  Logger.log(`case-journey API on http://${configuration.host}:${configuration.port} (OpenAPI at /docs), event store: ${configuration.eventStore}, ${keyWrappingNotice(configuration)}`, 'Main');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
