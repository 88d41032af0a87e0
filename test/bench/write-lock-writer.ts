/**
 * One of write-lock-wait.bench.ts's writing processes, as an API process appends audit entries:
 *   node -r @swc-node/register write-lock-writer.ts <checkout> <dataDirectory> <startAt ms> <seconds> <inFlight>
 * Opens the embedded store of <checkout> (this one or the one measured against), waits for
 * <startAt> so that every writer starts together, then keeps <inFlight> `appendAfterLast`s to one
 * chained stream going for <seconds>, each next one after a turn of the event loop (as a server's
 * next request comes through I/O), and prints its appends, its CPU and its event-loop delay.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as turn, setTimeout as pause } from 'node:timers/promises';
import type { SqliteEventStore } from '@case-journey/event-store';

async function main(): Promise<void> {
  const [checkout, dataDirectory, startAt, seconds, inFlight] = process.argv.slice(2);
  const { SqliteEventStore: Store } = require(join(checkout, 'libs/event-store/src/sqlite/sqlite-event-store')) as { SqliteEventStore: typeof SqliteEventStore };
  const store = Store.open({ dataDirectory });
  while (Date.now() < Number(startAt)) await pause(1);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const cpu = process.cpuUsage();
  const end = Date.now() + 1000 * Number(seconds);
  let appends = 0;
  const appending = async () => {
    while (Date.now() < end) {
      await store.appendAfterLast('audit', (last) => [{ id: randomUUID(), type: 'AuditRecorded', data: { previous: last?.id ?? null, pid: process.pid, detail: 'x'.repeat(300) } }]);
      appends++;
      await turn();
    }
  };
  await Promise.all(Array.from({ length: Number(inFlight) }, appending));
  delay.disable();
  const used = process.cpuUsage(cpu);
  await store.close();
  const ms = (ns: number) => ns / 1e6;
  process.stdout.write(JSON.stringify({ appends, cpuMs: (used.user + used.system) / 1000, delayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) } }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
