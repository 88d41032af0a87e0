import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { EventStore } from '@case-journey/event-store';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { officersOfEveryAgency } from '../../apps/api/src/access/testing/signed-in';
import { TestIssuer } from '../../apps/api/src/access/testing/test-issuer';
import { createApi } from '../../apps/api/src/create-api';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { dropRedisKeys } from './redis-keys';

/** Polls `read` until it holds, failing with `what` after `limitMs`. */
export async function within(limitMs: number, what: string, read: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await read())) {
    if (Date.now() > deadline) throw new Error(`${what} did not appear within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface ApiWithWorker {
  api: INestApplication;
  worker: INestApplicationContext;
  issuer: TestIssuer;
  store: EventStore;
  /** The bearer header of the agency a body names (the Police when it names none), officers of `areas`. */
  as: (body?: unknown) => string;
  post: (path: string, body: object) => request.Test;
  get: (path: string) => request.Test;
  close: () => Promise<void>;
}

/**
 * The API and the worker projecting, on one in-memory event store, a test issuer and Redis keys of
 * their own, with the clock stopped at `now` (or running, when not given).
 */
export async function startApiWithWorker(options: { keyPrefix: string; areas: readonly string[]; now?: () => Date; store?: EventStore }): Promise<ApiWithWorker> {
  const issuer = await TestIssuer.start();
  const configuration = loadConfiguration({ REDIS_KEY_PREFIX: options.keyPrefix, RATE_LIMIT_PER_MINUTE: '1000000', ...issuer.environment });
  const store = options.store ?? SqliteEventStore.inMemory({ pollIntervalMs: 10 });
  const overrides = { eventStore: store, victimKeyStore: new InMemoryVictimKeyStore(), ...(options.now ? { clock: { now: options.now } } : {}) };
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(configuration, overrides), { logger: false });
  await worker.init();
  const api = await createApi(configuration, overrides);
  await api.init();
  const as = (await officersOfEveryAgency(issuer, options.areas)).headerFor;
  return {
    api,
    worker,
    issuer,
    store,
    as,
    post: (path, body) => request(api.getHttpServer()).post(path).set('Authorization', as(body)).send(body),
    get: (path) => request(api.getHttpServer()).get(path).set('Authorization', as()),
    close: async () => {
      await api.close();
      await worker.close();
      await issuer.stop();
      await dropRedisKeys(options.keyPrefix);
    },
  };
}
