import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { AppConfiguration, readinessOf, ServiceMetrics } from '@case-journey/platform';
import { JobQueues, ProjectionVersions, readingLags, type Projection } from '@case-journey/projections';
import { RedisConnection } from '../redis-connection';
import { WORKER_PROJECTIONS } from '../projections/worker-projections';

/**
 * The worker's small HTTP face, for Prometheus and the orchestrator: `/metrics`, `/health/live`
 * (the process answers) and `/health/ready` (its event store and Redis answer). It takes no token,
 * so it listens on `WORKER_METRICS_HOST` (loopback unless the deployment's internal network is named).
 */
@Injectable()
export class WorkerProbes implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerProbes.name);
  private server?: Server;

  constructor(
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WORKER_PROJECTIONS) private readonly projections: Projection[],
    private readonly redis: RedisConnection,
    private readonly versions: ProjectionVersions,
    private readonly queues: JobQueues,
  ) {}

  /** The port listened on, once listening. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.metrics.readFrom({
      projections: () => readingLags(this.redis.client, this.store, this.versions, this.projections.map(({ name }) => name)),
      queues: () => this.queues.depths(),
    });
    const server = createServer((request, response) => {
      this.answer(request.url ?? '/').then(
        ({ status, type, body }) => response.writeHead(status, { 'content-type': type }).end(body),
        (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
      );
    });
    const { workerMetricsPort: port, workerMetricsHost: host } = this.configuration;
    try {
      await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
      this.server = server;
      this.logger.log(`Metrics and health on http://${host}:${this.port}/metrics, /health/live, /health/ready`);
    } catch (error) {
      // The worker's real work does not depend on being scraped; its readiness probe will say the port was not had.
      this.logger.error(`Metrics and health not served: ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }

  private async answer(url: string): Promise<{ status: number; type: string; body: string }> {
    const path = url.split('?')[0];
    const json = (status: number, body: object) => ({ status, type: 'application/json', body: JSON.stringify(body) });
    if (path === '/metrics') return { status: 200, type: this.metrics.contentType, body: await this.metrics.exposition() };
    if (path === '/health/live') return json(200, { status: 'live' });
    if (path === '/health/ready') {
      const { ready, answers } = await readinessOf({ eventStore: () => this.store.readAll({ direction: 'backwards', maxCount: 1 }), redis: () => this.redis.client.ping() });
      return json(ready ? 200 : 503, { status: ready ? 'ready' : 'not-ready', ...answers });
    }
    return json(404, { status: 404, detail: 'Only /metrics, /health/live and /health/ready are served here' });
  }
}
