import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { Logger } from '@nestjs/common';
import { AggregatorRegistry } from 'prom-client';

/** How many API processes `API_PROCESSES` asks for: 0 means one per core. */
export const apiProcessCount = (configured: number): number => (configured > 0 ? configured : availableParallelism());

const METRICS_REQUEST = 'case-journey:cluster-metrics-request';
const METRICS_ANSWER = 'case-journey:cluster-metrics-answer';
/** Wait before starting a process again after one died, so a crash loop does not spin. */
const RESTART_DELAY_MS = 1000;

/**
 * The primary of the API's cluster (node:cluster): it serves no request itself. It starts `count`
 * API processes, which share one listening port (the primary hands each connection to one of
 * them), starts again any that dies once the cluster is up, and stops them all on SIGTERM/SIGINT.
 * A process that dies before it ever listened means the API cannot start (bad configuration, port
 * taken): the primary then stops, as a single process would. It also answers the processes' asks
 * for the whole cluster's metrics, so a scrape that reaches any of them sees all of them.
 */
export function runClusterPrimary(count: number): void {
  const logger = new Logger('ApiCluster');
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  let listened = false;

  const start = () => {
    const worker = cluster.fork();
    worker.on('message', (message: { type?: string; id?: number }) => {
      if (message?.type !== METRICS_REQUEST) return;
      aggregator.clusterMetrics().then(
        (text) => worker.isConnected() && worker.send({ type: METRICS_ANSWER, id: message.id, text }),
        (error: unknown) => worker.isConnected() && worker.send({ type: METRICS_ANSWER, id: message.id, error: String(error) }),
      );
    });
    return worker;
  };

  cluster.on('listening', () => {
    if (!listened) logger.log(`${count} API processes share the port`);
    listened = true;
  });
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (!listened) {
      logger.error(`API process ${worker.process.pid} ended before the API listened (${signal ?? code}); stopping`);
      stopAll(1);
      return;
    }
    logger.warn(`API process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    setTimeout(() => !stopping && start(), RESTART_DELAY_MS);
  });

  const stopAll = (exitCode: number) => {
    stopping = true;
    process.exitCode = exitCode;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', () => stopAll(0));
  process.on('SIGINT', () => stopAll(0));

  for (let i = 0; i < count; i++) start();
}

let asked = 0;
const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();

/**
 * In an API process of a cluster: the whole cluster's metrics, from the primary (which asks every
 * process for its registry and adds them up). `registries` are this process's own, to answer with.
 */
export function clusterMetricsOf(registries: Parameters<typeof AggregatorRegistry.setRegistries>[0]): () => Promise<string> {
  AggregatorRegistry.setRegistries(registries);
  new AggregatorRegistry(); // answers the primary's asks for this process's metrics
  process.on('message', (message: { type?: string; id: number; text?: string; error?: string }) => {
    if (message?.type !== METRICS_ANSWER) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.text ?? '');
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = ++asked;
      pending.set(id, { resolve, reject });
      process.send!({ type: METRICS_REQUEST, id });
    });
}

export const inClusterProcess = (): boolean => cluster.isWorker;
