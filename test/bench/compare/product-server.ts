/**
 * The product's API for the comparison benchmark, as `API_PROCESSES` processes behind one port
 * (Node's cluster shares the listening socket), configured from the environment as `npm run api`
 * is. Tells its parent once every process listens.
 */
import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfiguration } from '@case-journey/platform';
import { createApi } from '../../../apps/api/src/create-api';

const PROCESSES = Number(process.env.API_PROCESSES ?? 1);

async function serve(): Promise<void> {
  const configuration = loadConfiguration();
  const app = await createApi(configuration);
  await app.listen(configuration.port, configuration.host);
  process.send?.({ listening: true });
}

if (cluster.isPrimary && PROCESSES > 1) {
  let listening = 0;
  for (let i = 0; i < PROCESSES; i++) {
    cluster.fork().on('message', () => {
      if (++listening === PROCESSES) process.send?.({ listening: true });
    });
  }
  cluster.on('exit', (_worker, code) => {
    if (code !== 0) process.exit(code ?? 1);
  });
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    process.exit(0);
  });
} else {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
