import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One projection's standing, as the metrics report it (a subset of `ProjectionLag`). */
export interface ProjectionStanding {
  projection: string;
  /** Events stored after the projection's checkpoint (counted up to a limit). */
  events: number;
  /** Between when the last applied event and the log's last event were stored. */
  seconds: number;
  /** Events the version readers use has applied since it was built. */
  eventsApplied: number;
}

/** Jobs per state in each queue. */
export type QueueDepths = Record<string, Record<string, number>>;

/** A BullMQ worker as far as counting its jobs goes (the queue it takes from, and its job events). */
export interface JobTaker {
  readonly name: string;
  on(event: 'completed' | 'failed', listener: () => void): unknown;
}

/** What a scrape reads at its own moment rather than counts as things happen. */
export interface ScrapeSources {
  projections?: () => Promise<ProjectionStanding[]>;
  queues?: () => Promise<QueueDepths>;
}

const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The Prometheus metrics of one process (prom-client), in a registry of its own so that tests and
 * several apps in one process never share counters. Families:
 * - `http_request_duration_seconds{method,route,status}` (API);
 * - `case_journey_event_store_duration_seconds{operation,outcome}`;
 * - `case_journey_projection_lag_events` / `_lag_seconds` / `_events_applied{projection}`, read at scrape time;
 * - `case_journey_projection_events_total{projection}`: events this process applied (its rate is the projection's rate);
 * - `case_journey_queue_jobs{queue,state}`, read at scrape time;
 * - `case_journey_jobs_total{queue,outcome}`: BullMQ jobs this process ran to completion or failure;
 * - `case_journey_breaches_raised_total`, `case_journey_webhook_failures_total` (worker);
 * - `case_journey_projection_lease_held{projection}` and `case_journey_projection_lease_acquired_total{projection}` (worker);
 * - Node's own process metrics (`process_*`, `nodejs_*`).
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  readonly eventStoreDuration: Histogram<'operation' | 'outcome'>;
  readonly projectionEvents: Counter<'projection'>;
  readonly jobsRun: Counter<'queue' | 'outcome'>;
  readonly breachesRaised: Counter;
  readonly webhookFailures: Counter;
  readonly leaseHeld: Gauge<'projection'>;
  readonly leaseAcquired: Counter<'projection'>;
  private sources: ScrapeSources = {};

  constructor(readonly app: string) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry });
    this.httpRequestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by route pattern and status: how long each took to answer',
      labelNames: ['method', 'route', 'status'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.eventStoreDuration = new Histogram({
      name: 'case_journey_event_store_duration_seconds',
      help: 'Event store calls (append, readStream, readAll) by outcome: how long each took',
      labelNames: ['operation', 'outcome'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.projectionEvents = new Counter({ name: 'case_journey_projection_events_total', help: 'Events this process applied to each projection (rate() gives the projection rate)', labelNames: ['projection'], registers });
    this.jobsRun = new Counter({ name: 'case_journey_jobs_total', help: 'BullMQ jobs this process ran, by queue and outcome (completed, failed): how the jobs spread across processes', labelNames: ['queue', 'outcome'], registers });
    this.breachesRaised = new Counter({ name: 'case_journey_breaches_raised_total', help: "Victims' Code breaches this process raised as notifications (each once)", registers });
    this.webhookFailures = new Counter({ name: 'case_journey_webhook_failures_total', help: 'Webhook deliveries that failed (each attempt; they are retried)', registers });
    this.leaseHeld = new Gauge({ name: 'case_journey_projection_lease_held', help: "1 while this process holds the projection's lease and runs it, else 0", labelNames: ['projection'], registers });
    this.leaseAcquired = new Counter({ name: 'case_journey_projection_lease_acquired_total', help: "Times this process took a projection's lease (a failover or a start)", labelNames: ['projection'], registers });
    this.scrapedGauges(registers);
  }

  /** Where the scrape-time families read from (each app has its own). */
  readFrom(sources: ScrapeSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  /** Counts each job `worker` completes or fails, under its queue. */
  countJobsOf(worker: JobTaker): void {
    worker.on('completed', () => this.jobsRun.inc({ queue: worker.name, outcome: 'completed' }));
    worker.on('failed', () => this.jobsRun.inc({ queue: worker.name, outcome: 'failed' }));
  }

  async exposition(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private scrapedGauges(registers: Registry[]): void {
    const projections = () => this.sources.projections?.() ?? Promise.resolve([]);
    const standing = (name: string, help: string, value: (standing: ProjectionStanding) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'],
        registers,
        // Every process of a cluster reads the same figure: added up, it would count it once per process.
        aggregator: 'max',
        async collect() {
          this.reset();
          for (const projection of await projections()) this.set({ projection: projection.projection }, value(projection));
        },
      });
    standing('case_journey_projection_lag_events', 'Events stored after the projection checkpoint (counted up to 1,000)', (s) => s.events);
    standing('case_journey_projection_lag_seconds', "Seconds between when the last applied event and the log's last event were stored", (s) => s.seconds);
    standing('case_journey_projection_events_applied', 'Events the version readers use has applied, by every worker', (s) => s.eventsApplied);
    const queues = () => this.sources.queues?.() ?? Promise.resolve({} as QueueDepths);
    new Gauge({
      name: 'case_journey_queue_jobs',
      help: 'Jobs in each BullMQ queue by state',
      labelNames: ['queue', 'state'],
      registers,
      aggregator: 'max',
      async collect() {
        this.reset();
        for (const [queue, states] of Object.entries(await queues())) {
          for (const [state, count] of Object.entries(states)) this.set({ queue, state }, count);
        }
      },
    });
  }
}
