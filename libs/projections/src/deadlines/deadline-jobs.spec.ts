import { Queue, type Worker } from 'bullmq';
import { SqliteEventStore } from '@case-journey/event-store';
import { WorkingDayCalendar } from '@case-journey/victims-code';
import { BreachRecord, notifiedStreamId } from '../notifications/breach-record';
import { NotificationStore } from '../notifications/notification-store';
import { dueSoonFrom, type Deadline } from '../obligations/deadlines';
import { ObligationsProjection } from '../obligations/obligations.projection';
import { ObligationsReader } from '../obligations/obligations.reader';
import { ProjectionRunner } from '../runner/projection-runner';
import { ProjectionVersions } from '../runner/projection-versions';
import { aCaseEvent, aCrimeReport, appendEvents, aVictim } from '../testing/case-events';
import { RedisTestSpace, TEST_REDIS_URL, waitFor } from '../testing/redis-test-space';
import { TestClock } from '../testing/test-clock';
import { DeadlineHandler, deadlineWorker } from './deadline-handler';
import { DeadlineQueue } from './deadline-queue';
import { bullConnection, bullPrefix, DEADLINES_QUEUE } from './queues';

// Reported on Monday 3 March 2025: the referral (R4, 2 working days) is due by the end of Wednesday 5 March.
const REPORTED_AT = '2025-03-03T10:00:00.000Z';
const DUE_AT = Date.parse('2025-03-05T23:59:59.999Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('deadline jobs on BullMQ', () => {
  const space = new RedisTestSpace();
  const redis = space.connection();
  const connection = bullConnection(TEST_REDIS_URL);
  const prefix = bullPrefix(space.prefix);
  const versions = new ProjectionVersions(redis, space.prefix);
  const reader = new ObligationsReader(redis, versions, { countsFreshForMs: 0 });
  const notifications = new NotificationStore(redis, space.prefix);
  const clock = new TestClock();
  const queue = new Queue<Deadline>(DEADLINES_QUEUE, { connection, prefix });
  let store: SqliteEventStore;
  let projection: ObligationsProjection;
  let runner: ProjectionRunner;
  const workers: Worker[] = [];

  const finishing = new Map<string, { resolve: (outcome: unknown) => void; reject: (error: Error) => void }>();
  const pushed: string[] = [];
  const pushing = new NotificationStore(redis, space.prefix, { send: async (notification) => void pushed.push(notification.id) });
  const DAY_MS = 86_400_000;
  /** A worker that remembers the breaches it told in the event store and keeps historical ones (over a day old when first seen) from the outbox. */
  const startRememberingWorker = () => startWorker({ notifications: pushing, record: new BreachRecord(store), historicalAfterMs: DAY_MS });
  const startWorker = (options: Partial<ConstructorParameters<typeof DeadlineHandler>[0]> = {}) => {
    const worker = deadlineWorker(connection, prefix, new DeadlineHandler({ projection, versions, redis: space.connection(), clock, notifications, ...options }), clock);
    worker.on('completed', (job, outcome) => finishing.get(job.id!)?.resolve(outcome));
    worker.on('failed', (job, error) => job && finishing.get(job.id!)?.reject(error));
    workers.push(worker);
    return worker;
  };
  /**
   * Fires a deadline job now, whatever its delay, with the clock stopped at `at`: the clock never
   * runs, so no job fires on its own during a test and no assertion races real time.
   */
  const fire = async (jobId: string, at: number): Promise<unknown> => {
    clock.set(at);
    const finished = new Promise((resolve, reject) => finishing.set(jobId, { resolve, reject }));
    const job = await queue.getJob(jobId);
    if (!job) throw new Error(`No job ${jobId} to fire`);
    await job.promote();
    return finished;
  };
  const record = async (...events: Parameters<typeof appendEvents>[1]) => {
    await appendEvents(store, events);
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    await runner.reached(last.position);
  };
  const referralOf = async (caseId: string) => (await reader.caseReading(caseId))!.obligations.find((obligation) => obligation.ruleId === 'R4.referral')!;
  const notified = async () => (await notifications.list({ offset: 0, limit: 10 })).items;

  beforeEach(async () => {
    store = SqliteEventStore.inMemory({ pollIntervalMs: 10 });
    projection = new ObligationsProjection({ store, deadlines: new DeadlineQueue(queue) });
    runner = new ProjectionRunner({ store, redis: space.connection(), projection, keys: await versions.current('obligations'), clock });
    runner.start();
  });
  afterEach(async () => {
    finishing.clear();
    pushed.length = 0;
    await Promise.all(workers.splice(0).map((worker) => worker.close()));
    await runner.stop();
    await store.close();
    await queue.obliterate({ force: true });
    for (const key of await space.keys()) await redis.unlink(key);
  });
  afterAll(async () => {
    await queue.close();
    await space.dispose();
  });

  it('breaches an unmet obligation when its deadline passes and raises a notification, and does nothing for one met in time', async () => {
    clock.set(DUE_AT - 60_000);
    startWorker();
    const recordedAt = iso(DUE_AT - 3_600_000);
    await record(aCrimeReport('unmet', REPORTED_AT, [aVictim('v-1')], 'Wessex', { recordedAt }), aCrimeReport('met', REPORTED_AT, [aVictim('v-2')], 'Wessex', { recordedAt }));
    const met = await referralOf('met');
    expect(await queue.getJob(met.id)).toBeDefined();
    await record(aCaseEvent('met', 'VictimReferredToSupport', iso(DUE_AT - 1_800_000), 'Police', { victimId: 'v-2', service: 'Care' }, { recordedAt }));
    expect(await queue.getJob(met.id)).toBeUndefined();

    const unmet = await referralOf('unmet');
    expect(await fire(unmet.id, DUE_AT + 1)).toBe('breached');
    expect(await notified()).toEqual([expect.objectContaining({ id: `breach/${unmet.id}`, kind: 'obligation-breached', caseId: 'unmet', responsible: 'Police', dueAt: iso(DUE_AT) })]);
    expect((await referralOf('unmet')).status).toBe('breached');
    expect((await referralOf('met')).status).toBe('met');
    const [row] = (await reader.compliance({ groupBy: ['entitlement'] })).rows.filter((candidate) => candidate.group.entitlement === 'R4.referral');
    expect(row).toMatchObject({ due: 2, metOnTime: 1, breached: 1 });
    expect((await reader.worklist({ agency: 'Police', statuses: ['breached'], offset: 0, limit: 10 })).items.map((item) => item.caseId)).toEqual(['unmet']);
  });

  it('raises a breach for an obligation already breached when it is first recorded (a report recorded a week late)', async () => {
    clock.set(DUE_AT + 7 * 86_400_000);
    startWorker();
    await record(aCrimeReport('late', REPORTED_AT, [aVictim('v-1')], 'Wessex', { recordedAt: iso(DUE_AT + 7 * 86_400_000 - 60_000) }));
    const { id, status } = await referralOf('late');
    expect(status).toBe('breached');

    await waitFor(async () => (await notified()).length > 0, 5000, 'the breach notification');
    expect(await notified()).toEqual([expect.objectContaining({ id: `breach/${id}`, caseId: 'late', dueAt: iso(DUE_AT) })]);
  });

  it('lists a breach whose deadline had passed more than the window before it was first seen as historical, and pushes it nowhere', async () => {
    const firstSeen = DUE_AT + 7 * DAY_MS; // a first catch-up on a week-old report
    clock.set(firstSeen);
    startRememberingWorker();
    await record(aCrimeReport('old', REPORTED_AT, [aVictim('v-1')], 'Wessex', { recordedAt: iso(firstSeen - 60_000) }));
    const { id } = await referralOf('old');

    await waitFor(async () => (await notified()).length > 0, 5000, 'the historical breach listed');
    expect(await notified()).toEqual([expect.objectContaining({ id: `breach/${id}`, historical: true, dueAt: iso(DUE_AT) })]);
    expect(pushed).toEqual([]);
    expect((await store.readStream(notifiedStreamId('old'))).map((event) => event.data)).toEqual([expect.objectContaining({ id: `breach/${id}`, historical: true })]);
  });

  it('pushes a breach first seen within the window of its deadline', async () => {
    const firstSeen = DUE_AT + DAY_MS - 60_000; // recorded late, but less than a day after the deadline
    clock.set(firstSeen);
    startRememberingWorker();
    await record(aCrimeReport('recent', REPORTED_AT, [aVictim('v-1')], 'Wessex', { recordedAt: iso(firstSeen - 60_000) }));
    const { id } = await referralOf('recent');

    await waitFor(() => pushed.length > 0, 5000, 'the breach pushed');
    expect(pushed).toEqual([`breach/${id}`]);
    expect((await notified())[0]).not.toHaveProperty('historical');
  });

  it('given Redis lost the notification it told, lists it again as first raised and pushes it no second time', async () => {
    clock.set(DUE_AT - 60_000);
    startRememberingWorker();
    await record(aCrimeReport('told', REPORTED_AT, [aVictim('v-1')], 'Wessex', { recordedAt: iso(DUE_AT - 3_600_000) }));
    const deadline = (await queue.getJob((await referralOf('told')).id))!.data;
    expect(await fire(deadline.jobId, DUE_AT + 1)).toBe('breached');
    const [first] = await notified();
    expect(pushed).toEqual([first.id]);

    for (const key of await space.keys(':notifications:*')) await redis.unlink(key); // Redis lost them
    await queue.add(deadline.kind, deadline, { jobId: deadline.jobId, delay: 60_000 }); // and the replay scheduled the job again
    expect(await fire(deadline.jobId, DUE_AT + 2 * 3_600_000)).toBe('breached');
    expect(await notified()).toEqual([first]);
    expect(pushed).toEqual([first.id]);
  });

  it('raises no breach when the contact that met the obligation is in the log but not yet projected', async () => {
    clock.set(DUE_AT - 60_000);
    startWorker();
    const recordedAt = iso(DUE_AT - 3_600_000);
    await record(aCrimeReport('lagging', REPORTED_AT, [aVictim('v-1')], 'Wessex', { recordedAt }));
    const { id } = await referralOf('lagging');
    await runner.stop();
    await appendEvents(store, [aCaseEvent('lagging', 'VictimReferredToSupport', iso(DUE_AT - 1_800_000), 'Police', { victimId: 'v-1', service: 'Care' }, { recordedAt })]);

    expect(await fire(id, DUE_AT + 1)).toBe('met');
    expect(await notified()).toEqual([]);
  });

  it('keeps its jobs in Redis: scheduled while one worker ran, they fire under the next', async () => {
    clock.set(DUE_AT - 60_000);
    const first = startWorker();
    await record(aCrimeReport('restart', REPORTED_AT, [aVictim('v-1')], 'Wessex', { recordedAt: iso(DUE_AT - 3_600_000) }));
    const { id } = await referralOf('restart');
    await first.close();

    const firing = fire(id, DUE_AT + 1);
    await waitFor(async () => (await queue.getJobCounts('wait')).wait === 1, 5000, 'the job waiting for a worker');
    expect(await notified()).toEqual([]);
    startWorker();
    expect(await firing).toBe('breached');
    expect(await notified()).toEqual([expect.objectContaining({ id: `breach/${id}` })]);
    expect((await referralOf('restart')).status).toBe('breached');
  });

  it('retries a failing deadline job past any fixed number of attempts, until it succeeds', async () => {
    const deadline: Deadline = { jobId: 'c/o-1', kind: 'breach', caseId: 'c', obligationId: 'o-1', at: DUE_AT + 1 };
    clock.set(DUE_AT - 60_000);
    await new DeadlineQueue(queue).apply({ schedule: [deadline], reschedule: [], cancel: ['never-scheduled'] }, clock.now());
    let failures = 0;
    const failing = { handle: async () => (failures++ < 7 ? Promise.reject(new Error('the store is away')) : { outcome: 'breached' as const, deadline }) };
    const worker = deadlineWorker(connection, prefix, failing, clock);
    workers.push(worker);
    const attempts: number[] = [];
    worker.on('failed', (job) => job && attempts.push(job.attemptsMade));
    const completed = new Promise((resolve) => worker.on('completed', (_job, outcome) => resolve(outcome)));

    await (await queue.getJob(deadline.jobId))!.promote();
    for (let failed = 1; failed <= 7; failed++) {
      await waitFor(async () => attempts.length === failed && (await queue.getJobState(deadline.jobId)) === 'delayed', 5000, `failed attempt ${failed} to be delayed`);
      await (await queue.getJob(deadline.jobId))!.promote();
    }
    expect(await completed).toBe('breached');
    expect(attempts).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('given a job whose instant is stale (the deadline moved later while it ran), delays it to the deadline as it now stands', async () => {
    clock.set(DUE_AT - 3_600_000);
    startWorker();
    await record(aCrimeReport('stale', REPORTED_AT, [aVictim('v-1')], 'Wessex', { recordedAt: iso(DUE_AT - 7_200_000) }));
    const { id } = await referralOf('stale');
    const job = (await queue.getJob(id))!;
    await job.updateData({ ...job.data, at: DUE_AT - 1_800_000 });

    clock.set(DUE_AT - 60_000);
    await job.promote();
    await waitFor(async () => (await queue.getJob(id))?.data.at === DUE_AT + 1 && (await queue.getJobState(id)) === 'delayed', 5000, 'the job delayed to the deadline');
    expect(await notified()).toEqual([]);
    expect(await fire(id, DUE_AT + 1)).toBe('breached');
  });

  it('moves the job when a correction moves the deadline, and schedules nothing twice', async () => {
    clock.set(DUE_AT - 3_600_000);
    const reported = aCrimeReport('moved', REPORTED_AT, [aVictim('v-1')], 'Wessex', { recordedAt: iso(DUE_AT - 7_200_000) });
    await record(reported);
    const id = (await referralOf('moved')).id;
    expect((await queue.getJob(id))?.data.at).toBe(DUE_AT + 1);

    await record(aCaseEvent('moved', 'EventCorrected', iso(DUE_AT - 3_600_000), 'Police', { correctedEventId: reported.metadata.eventId, occurredAt: '2025-03-04T10:00:00.000Z', reason: 'Wrong day' }, { recordedAt: iso(DUE_AT - 3_600_000) }));
    const moved = await queue.getJob(id);
    expect(moved?.data.at).toBe(Date.parse('2025-03-07T00:00:00.000Z'));
    expect(moved?.opts.delay).toBe(Date.parse('2025-03-07T00:00:00.000Z') - clock.now().getTime());
    expect(await queue.getJobCounts('delayed')).toEqual({ delayed: 1 });
  });

  it('moves an obligation to due soon on the worklist when its warning fires', async () => {
    const warning = dueSoonFrom(DUE_AT, new WorkingDayCalendar());
    clock.set(warning - 60_000);
    startWorker();
    await record(aCrimeReport('soon', REPORTED_AT, [aVictim('v-1')], 'Wessex', { recordedAt: iso(warning - 3_600_000) }));
    const { id, status } = await referralOf('soon');
    expect(status).toBe('pending');

    expect(await fire(`${id}/due-soon`, warning)).toBe('due-soon');
    expect((await referralOf('soon')).status).toBe('due-soon');
    expect((await reader.worklist({ agency: 'Police', statuses: ['due-soon'], offset: 0, limit: 10 })).items.map((item) => item.caseId)).toEqual(['soon']);
    expect(await notified()).toEqual([]);
  });
});
