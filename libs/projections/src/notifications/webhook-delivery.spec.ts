import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue, type Worker } from 'bullmq';
import { bullConnection, bullPrefix, WEBHOOKS_QUEUE } from '../deadlines/queues';
import { RedisTestSpace, TEST_REDIS_URL, waitFor } from '../testing/redis-test-space';
import type { Notification } from './notification';
import { NotificationStore } from './notification-store';
import { WebhookOutbox, webhookWorker } from './webhook-delivery';
import { DELIVERY_HEADER, isValidWebhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature';

const notification: Notification = {
  id: 'breach/c-1/v-1/R4.referral/e-1',
  kind: 'obligation-breached',
  raisedAt: '2025-03-06T00:00:00.000Z',
  caseId: 'c-1',
  urn: '99WX0000001',
  area: 'Wessex',
  victimId: 'v-1',
  obligationId: 'c-1/v-1/R4.referral/e-1',
  ruleId: 'R4.referral',
  right: 4,
  responsible: 'Police',
  rights: 'standard',
  dueAt: '2025-03-05T23:59:59.999Z',
};

describe('notifications sent to the webhook', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  const connection = bullConnection(TEST_REDIS_URL);
  const prefix = bullPrefix(space.prefix);
  const queue = new Queue<Notification>(WEBHOOKS_QUEUE, { connection, prefix });
  const calls: Array<{ headers: IncomingHttpHeaders; body: string; answered: number }> = [];
  let answers: number[];
  let server: Server;
  let worker: Worker;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const answered = answers.shift() ?? 204;
        calls.push({ headers: request.headers, body, answered });
        response.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/case-journey`;
    worker = webhookWorker(connection, prefix, { url, secret: 'shared-secret' });
  });
  afterAll(async () => {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await new Promise((resolve) => server.close(resolve));
    await space.dispose();
  });

  it('POSTs each notification once, signed, retrying with backoff until the receiver takes it', async () => {
    answers = [503, 500];
    const store = new NotificationStore(redis, space.prefix, new WebhookOutbox(queue, { backoffMs: 20 }));
    expect(await store.raise(notification)).toBe(true);
    expect(await store.raise(notification)).toBe(false);

    await waitFor(() => calls.some((call) => call.answered === 204), 5000, 'a delivery the receiver took');
    expect(calls.map((call) => call.answered)).toEqual([503, 500, 204]);
    const { headers, body } = calls[2];
    expect(JSON.parse(body)).toEqual(notification);
    expect(headers[DELIVERY_HEADER]).toBe(notification.id);
    expect(isValidWebhookSignature('shared-secret', String(headers[TIMESTAMP_HEADER]), body, String(headers[SIGNATURE_HEADER]))).toBe(true);
    expect((await store.list({ offset: 0, limit: 10 })).items).toEqual([notification]);
    expect((await store.list({ agency: 'WCU', offset: 0, limit: 10 })).total).toBe(0);
  });
});
