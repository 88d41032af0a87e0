import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import Redis from 'ioredis';
import { SqliteEventStore, type RecordedEvent } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import {
  BREACH_NOTIFIED,
  bullPrefix,
  JobQueues,
  NotificationStore,
  ObligationsProjection,
  PROJECTION_NAMES,
  ProjectionRunner,
  ProjectionVersions,
  ReportingProjection,
  TimelineProjection,
  type Notification,
  type Projection,
} from '@case-journey/projections';
import { comparableSnapshot, readModelSnapshot, snapshotDifferences } from '../../libs/projections/src/testing/read-model-snapshot';
import { aCrimeReport, appendEvents, aVictim } from '../../libs/projections/src/testing/case-events';
import { storeSyntheticCases } from '../../libs/projections/src/testing/synthetic-cases';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { PrivateRedis } from './private-redis';

/** The bench profile's cases end here: the clock stands still at it, so older deadlines are breached and newer ones are delayed jobs. */
const NOW = new Date('2025-06-30T17:00:00.000Z');
const CASES = 150;
/** Besides the synthetic cases, crime reports whose referrals (R4, 2 working days) were breached last week, and reports whose referrals are due in two days. */
const BREACHED_LAST_WEEK = 5;
const DUE_AHEAD = 5;
/** Breaches of the last year and a day are pushed to the webhook, older ones only listed. */
const HISTORICAL_BREACH_HOURS = 24 * 366;

/** Polls until `condition` holds; a condition that answers a text instead of false says what it is waiting for. */
async function until(what: string, limitMs: number, condition: () => Promise<boolean | string>): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (let answer = await condition(); answer !== true; answer = await condition()) {
    if (Date.now() > deadline) throw new Error(`${what} not within ${limitMs} ms${typeof answer === 'string' ? `: ${answer}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How many times each value occurs. */
function tally(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * Issue 8's done-when for Redis data loss: a running worker and API on a private redis-server, which
 * is flushed (FLUSHALL, of that server only) under them. The worker must find the loss by itself,
 * follow the log again from its start (health 503 meanwhile, then 200), bring back read models equal
 * to a rebuild from the same log and the deadline jobs still ahead, and tell no breach twice.
 */
describe('Redis flushed under a running worker and API', () => {
  const keyPrefix = `cjtest-flush-${process.pid}`;
  const store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  const clock = { now: () => NOW };
  const overrides = { eventStore: store, victimKeyStore: new InMemoryVictimKeyStore(), clock };
  const pushed: string[] = [];
  let webhook: Server;
  let redis: PrivateRedis;
  let reader: Redis;
  let queues: JobQueues;
  let issuer: TestIssuer;
  let worker: INestApplicationContext;
  let api: INestApplication;
  let http: ReturnType<typeof request.agent>;
  let configuration: ReturnType<typeof loadConfiguration>;

  beforeAll(async () => {
    webhook = createServer((incoming, answer) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
      incoming.on('end', () => {
        pushed.push((JSON.parse(body) as Notification).id);
        answer.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    redis = await PrivateRedis.start();
    reader = new Redis(redis.url, { maxRetriesPerRequest: null });
    queues = new JobQueues({ connection: { url: redis.url, maxRetriesPerRequest: null }, prefix: bullPrefix(keyPrefix) });
    issuer = await TestIssuer.start();
    await storeSyntheticCases(store, CASES, 11);
    const reported = (caseId: string, at: string) => aCrimeReport(caseId, at, [aVictim(`${caseId}-victim`)], 'Wessex');
    await appendEvents(store, [
      ...Array.from({ length: BREACHED_LAST_WEEK }, (_, i) => reported(`breached-${i}`, '2025-06-25T10:00:00.000Z')), // due by the end of Friday 27 June
      ...Array.from({ length: DUE_AHEAD }, (_, i) => reported(`ahead-${i}`, '2025-06-30T16:00:00.000Z')), // due by the end of Wednesday 2 July
    ]);
    configuration = loadConfiguration({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: keyPrefix,
      REDIS_LOSS_CHECK_MS: '200',
      WORKER_METRICS_PORT: '0',
      RATE_LIMIT_PER_MINUTE: '1000000',
      HISTORICAL_BREACH_HOURS: String(HISTORICAL_BREACH_HOURS),
      NOTIFICATION_WEBHOOK_URL: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/breaches`,
      NOTIFICATION_WEBHOOK_SECRET: 'flush-test-webhook-secret',
      ...issuer.environment,
    });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(configuration, overrides), { logger: ['error'] });
    await worker.init();
    api = await createApi(configuration, overrides);
    await api.init();
    const token = await issuer.token({ subject: 'flush.admin', roles: ['admin'], agency: 'Police', areas: ['Wessex'] });
    http = request.agent(api.getHttpServer()).set('Authorization', `Bearer ${token}`);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await queues?.close();
    reader?.disconnect();
    await issuer?.stop();
    await redis?.dispose();
    await new Promise((resolve) => webhook?.close(resolve));
    await store.close();
  }, 90_000);

  const breachesTold = async (): Promise<Notification[]> => {
    const told: Notification[] = [];
    for (let after: bigint | undefined, page: RecordedEvent[]; ; after = page[page.length - 1].position) {
      page = await store.readAll({ after, maxCount: 1000 });
      told.push(...page.filter((event) => event.type === BREACH_NOTIFIED).map((event) => event.data as Notification));
      if (page.length < 1000) return told;
    }
  };
  const listed = async (): Promise<string[]> => (await new NotificationStore(reader, keyPrefix).list({ offset: 0, limit: 10_000 })).items.map((item) => item.id);
  const delayedDeadlines = async (): Promise<string[]> => (await queues.deadlines.getJobs(['delayed'], 0, -1)).map((job) => job.id!).sort();
  /** No deadline job or webhook delivery waiting or running, every breach told listed, and pushed unless historical (over a year old when first seen). */
  const settled = async (): Promise<true | string> => {
    const depths = await queues.depths();
    const told = await breachesTold();
    const state = {
      busy: ['deadlines', 'webhooks'].map((queue) => depths[queue].waiting + depths[queue].active),
      told: told.length,
      listed: (await listed()).length,
      toPush: told.filter((notification) => !notification.historical).length,
      pushed: new Set(pushed).size,
    };
    return (state.busy.every((count) => count === 0) && state.told > 0 && state.listed === state.told && state.pushed === state.toPush) || JSON.stringify(state);
  };
  const health = async () => {
    const response = await http.get('/health');
    return { status: response.status, catchingUp: (response.body.catchingUpFromTheStart ?? []) as Array<{ projection: string }> };
  };

  it('goes 503 by itself, comes back 200 with read models equal to a rebuild and the deadline jobs ahead, and tells no breach twice', async () => {
    await until('the first catch-up, its deadline jobs and webhooks', 180_000, async () => ((await health()).status === 200 ? settled() : 'health not 200'));
    const toldBefore = (await breachesTold()).map((notification) => notification.id).sort();
    const delayedBefore = await delayedDeadlines();
    const pushedBefore = pushed.length;
    expect(toldBefore.length).toBeGreaterThanOrEqual(BREACHED_LAST_WEEK);
    expect(pushedBefore).toBeGreaterThanOrEqual(BREACHED_LAST_WEEK);
    expect(delayedBefore.length).toBeGreaterThanOrEqual(DUE_AHEAD);
    expect([...tally(pushed).values()].every((count) => count === 1)).toBe(true);

    // Health is watched from just before the flush until it is back.
    const seen: Array<{ status: number; catchingUp: string[] }> = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const { status, catchingUp } = await health();
        seen.push({ status, catchingUp: catchingUp.map((entry) => entry.projection) });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    expect(redis.port).not.toBe(6379); // never the shared one
    const flushedAt = Date.now();
    await reader.flushall();
    await until('the worker to find the loss (health 503)', 30_000, async () => seen.some((reading) => reading.status === 503));
    await until('health back to 200', 120_000, async () => seen.at(-1)?.status === 200);
    const backAfterMs = Date.now() - flushedAt;
    watching = false;
    await watcher;
    await until('the deadline jobs and webhooks after the replay', 120_000, settled);

    const degraded = seen.filter((reading) => reading.status === 503);
    expect(degraded.length).toBeGreaterThan(0);
    // Each 503 names what is replayed; a small projection may catch up between two readings.
    expect(degraded.filter((reading) => reading.catchingUp.length === 0 || reading.catchingUp.some((name) => !(PROJECTION_NAMES as readonly string[]).includes(name)))).toEqual([]);

    // The read models, as the worker followed the log again, equal a rebuild from the same log into versions nobody reads.
    const versions = new ProjectionVersions(reader, keyPrefix);
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    const projections: Projection[] = [new TimelineProjection(), new ObligationsProjection({ store }), new ReportingProjection({ store, snapshotWorkingDays: configuration.reportSnapshotWorkingDays })];
    for (const projection of projections) {
      const live = await versions.reading(projection.name);
      const rebuilt = live.at(live.version + 10);
      const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
      const runner = new ProjectionRunner({ store, redis: connection, projection, keys: rebuilt, clock });
      runner.start();
      await runner.reached(last.position);
      await runner.stop();
      connection.disconnect();
      const liveModel = comparableSnapshot(await readModelSnapshot(reader, live));
      const rebuiltModel = comparableSnapshot(await readModelSnapshot(reader, rebuilt));
      expect(Object.keys(rebuiltModel).length).toBeGreaterThanOrEqual(CASES); // a timeline per case at least
      expect({ projection: projection.name, differing: snapshotDifferences(liveModel, rebuiltModel) }).toEqual({ projection: projection.name, differing: [] });
    }

    // The deadline jobs still ahead are back; each breach is told once: once in the event store, listed once, pushed once.
    expect(await delayedDeadlines()).toEqual(delayedBefore);
    expect((await breachesTold()).map((notification) => notification.id).sort()).toEqual(toldBefore);
    expect((await listed()).sort()).toEqual(toldBefore);
    expect(pushed.length).toBe(pushedBefore);
    expect([...tally(pushed).entries()].filter(([, count]) => count > 1)).toEqual([]);
    process.stdout.write(`Flush: ${toldBefore.length} breaches told (${pushedBefore} pushed, the rest historical), ${delayedBefore.length} deadline jobs ahead, ${CASES} cases; health 503 for ${degraded.length} readings, 200 again ${backAfterMs} ms after the FLUSHALL\n`);
  }, 480_000);
});
