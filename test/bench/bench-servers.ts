import { spawn, type ChildProcess } from 'node:child_process';
import type { SqliteEventStore } from '@case-journey/event-store';

/**
 * What the benchmarks that run the API as a process share (bench:compare, bench:request-cpu):
 * starting and stopping a server, picking cases to ask about, and the write they send.
 */

/**
 * The log level the benches run the product (and the floor's layers) at: as deployed (compose.yml's
 * and the configuration's default, `info`, a line per request), not the test issuer's quieter `warn`.
 * A server's standard output is discarded, so a line costs its formatting and its write, and no reader.
 */
export const DEPLOYED_LOG_LEVEL = process.env.LOG_LEVEL ?? 'info';

/** Starts a TypeScript entry as its own process and resolves once `ready` answers; rejects if it exits first or never answers. */
export async function startServer(script: string, env: Record<string, string>, ready: string, options: { nodeArgs?: string[]; cwd?: string; attempts?: number } = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', ...(options.nodeArgs ?? []), script], { cwd: options.cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let attempt = 0; attempt < (options.attempts ?? 600); attempt++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (await fetch(ready).then(() => true, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not answer ${ready}`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  // A server still holding a keep-alive connection may not finish closing: it is ours to end.
  const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(killer);
}

/** `count` case ids spread through the log (one every 5,000 events or so). */
export async function sampleCaseIds(store: SqliteEventStore, count: number): Promise<string[]> {
  const ids = new Set<string>();
  for (let after: bigint | undefined; ids.size < count; ) {
    const page = await store.readAll({ after, maxCount: 1000 });
    if (page.length === 0) break;
    for (const event of page) if (event.streamId.startsWith('case-') && ids.size < count) ids.add(event.streamId.slice('case-'.length));
    after = page[page.length - 1].position + 5_000n;
  }
  return [...ids];
}

/** One contact with the case's victim, told apart by its source reference. */
export function contact(victimId: string, reference: string): string {
  return JSON.stringify({ type: 'VictimInformed', occurredAt: '2025-03-06T09:00:00Z', sourceSystem: 'Athena', sourceReference: reference, data: { victimId, topic: 'other', channel: 'phone' } });
}

/** The reads both benchmarks ask: sampled timelines and a spread of worklist and compliance questions. */
export function benchReads(caseIds: readonly string[], area: string): Record<string, string[]> {
  return {
    timeline: caseIds.map((id) => `/cases/${id}/timeline`),
    worklist: ['WCU', 'Police', 'CPS'].flatMap((agency) => ['', '&status=breached', '&status=due-soon'].map((status) => `/worklists/witness-care?agency=${agency}${status}&limit=50`)),
    compliance: ['entitlement', 'area,entitlement', 'agency,rights', 'entitlement,offence', 'entitlement,ethnicity'].flatMap((groupBy) => ['', '&period=2025-Q1', `&area=${area}`].map((filter) => `/compliance?groupBy=${groupBy}${filter}`)),
  };
}

/** Gives the baseline the product's own answer to each read (`baseline:{kind}-{i}`), so both send the same bytes. */
export async function primeBaseline(redis: { hset(key: string, fields: Record<string, string>): Promise<unknown> }, product: string, reads: Record<string, string[]>, authorization: string): Promise<void> {
  for (const [kind, paths] of Object.entries(reads)) {
    for (const [i, path] of paths.entries()) {
      const response = await fetch(product + path, { headers: { authorization } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await redis.hset(`baseline:${kind}-${i}`, { body: await response.text() });
    }
  }
}
