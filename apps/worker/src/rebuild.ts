/**
 * Rebuilds a projection: queues the rebuild job for the running worker and follows its progress.
 *
 *   node -r @swc-node/register apps/worker/src/rebuild.ts <timeline|obligations>
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfiguration } from '@case-journey/platform';
import { bullConnection, bullPrefix, JobQueues, PROJECTION_NAMES, rebuildStatus, requestRebuild, type ProjectionName, type RebuildStatus } from '@case-journey/projections';

const describe = ({ state, progress }: RebuildStatus): string =>
  progress ? `${state}: ${progress.phase} v${progress.fromVersion} -> v${progress.toVersion}, at ${progress.position ?? 'start'} of ${progress.head ?? '?'}` : state;

async function main(name: string | undefined): Promise<number> {
  if (!name || !(PROJECTION_NAMES as readonly string[]).includes(name)) {
    process.stderr.write(`Usage: rebuild.ts <${PROJECTION_NAMES.join('|')}>\n`);
    return 2;
  }
  const configuration = loadConfiguration();
  const queues = new JobQueues({ connection: bullConnection(configuration.redisUrl), prefix: bullPrefix(configuration.redisKeyPrefix) });
  try {
    let status = await requestRebuild(queues, name as ProjectionName);
    process.stdout.write(`Rebuild of ${name} queued as job ${status.jobId} (a worker must be running to do it)\n`);
    let said = '';
    while (status.state !== 'completed' && status.state !== 'failed' && status.state !== 'unknown') {
      const line = describe(status);
      if (line !== said) process.stdout.write(`${(said = line)}\n`);
      await sleep(500);
      status = (await rebuildStatus(queues, status.jobId)) ?? { ...status, state: 'unknown' };
    }
    process.stdout.write(status.state === 'completed' ? `Done: ${JSON.stringify(status.result)}\n` : `Rebuild ${status.state}: ${status.failedReason ?? ''}\n`);
    return status.state === 'completed' ? 0 : 1;
  } finally {
    await queues.close();
  }
}

main(process.argv[2]).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
