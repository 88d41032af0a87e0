import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { caseStreamId } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { loadConfiguration, ServiceMetrics } from '@case-journey/platform';
import { ProjectionKeys, ProjectionVersions, TimelineProjection, timelineKey, TIMELINE } from '@case-journey/projections';
import { ProjectionSupervisor } from './projection-supervisor';
import { RedisLink } from '../redis-link';
import { RedisConnections } from './redis-connections';

describe('ProjectionSupervisor', () => {
  const keyPrefix = `cjtest-supervisor-${process.pid}`;
  const redis = new Redis({ maxRetriesPerRequest: null });
  const configuration = loadConfiguration({ REDIS_KEY_PREFIX: keyPrefix });
  const clock = { now: () => new Date('2025-04-01T12:00:00.000Z') };
  const reported = (caseId: string) => ({ id: crypto.randomUUID(), type: 'CrimeReported', data: { caseId }, metadata: { agency: 'Police', occurredAt: '2025-03-01T10:00:00.000Z', recordedAt: '2025-03-01T10:00:00.000Z' } });
  const recorded = async (version: number, caseId: string) => redis.llen(timelineKey(new ProjectionKeys(keyPrefix, TIMELINE, version), caseId));

  const versions = new ProjectionVersions(redis, keyPrefix);
  let store: SqliteEventStore;
  let connections: RedisConnections;
  let supervisor: ProjectionSupervisor;

  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  beforeEach(async () => {
    store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
    connections = new RedisConnections(configuration, new RedisLink(configuration));
    supervisor = new ProjectionSupervisor(store, clock, [new TimelineProjection()], connections, versions, new ServiceMetrics('worker'), configuration);
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.unlink(...keys);
  });
  afterEach(async () => {
    await supervisor.beforeApplicationShutdown();
    await connections.onApplicationShutdown();
    await store.close();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.unlink(...keys);
    redis.disconnect();
  });

  it('given its live version retired by a rebuild in another worker, follows the version readers use now', async () => {
    await supervisor.onApplicationBootstrap();
    await store.append(caseStreamId('before'), [reported('before')]);
    await waitUntil(async () => (await recorded(1, 'before')) === 1);

    await versions.switchTo(new ProjectionKeys(keyPrefix, TIMELINE, 2)); // another worker's rebuild
    await store.append(caseStreamId('after'), [reported('after')]);
    await waitUntil(async () => (await recorded(2, 'before')) === 1 && (await recorded(2, 'after')) === 1);
    expect(await recorded(1, 'after')).toBe(0);
  });

  it('given Redis lost everything it held, follows the log again from its start once it checks, so the read model comes back whole', async () => {
    await supervisor.onApplicationBootstrap();
    await store.append(caseStreamId('kept'), [reported('kept')]);
    await waitUntil(async () => (await recorded(1, 'kept')) === 1);

    const keys = await redis.keys(`${keyPrefix}*`);
    await redis.unlink(...keys); // as FLUSHALL would, for this prefix only
    await supervisor.recoverLostProjections();
    await waitUntil(async () => (await recorded(1, 'kept')) === 1 && (await redis.exists(`${keyPrefix}:${TIMELINE}:current`)) === 1);
    await store.append(caseStreamId('later'), [reported('later')]);
    await waitUntil(async () => (await recorded(1, 'later')) === 1);
    expect(await redis.exists(`${keyPrefix}:${TIMELINE}:catching-up`)).toBe(0);
  });
});

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out after 5000 ms');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
