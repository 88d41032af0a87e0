import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@case-journey/event-store';
(async () => {
  const store = SqliteEventStore.open({ dataDirectory: mkdtempSync(join(tmpdir(), 'zz-')) });
  const streams = Array.from({ length: 64 }, () => `case-${randomUUID()}`);
  const rev = new Map<string, bigint>();
  const ev = () => ({ id: randomUUID(), type: 'VictimInformed', data: { victimId: randomUUID(), topic: 'other', channel: 'phone' }, metadata: { eventId: 'x', recordedAt: new Date().toISOString(), actor: { agency: 'Police', subject: 'x' }, contentHash: 'abcdefabcdefabcdef' } });
  for (const s of streams) { await store.append(s, [ev()], { expectedRevision: 'no-stream' }); rev.set(s, 0n); }
  const N = 5000;
  for (let k = 0; k < 3; k++) {
    let tRead = 0n, tHead = 0n, tApp = 0n;
    for (let i = 0; i < N; i++) {
      const s = streams[i % 64]; const r = rev.get(s)!;
      let t = process.hrtime.bigint(); await store.readStream(s, { fromRevision: r }); tRead += process.hrtime.bigint() - t;
      t = process.hrtime.bigint(); await store.readStream(s, { fromRevision: r + 1n }); tHead += process.hrtime.bigint() - t;
      t = process.hrtime.bigint(); await store.append(s, [ev()], { expectedRevision: r }); tApp += process.hrtime.bigint() - t;
      rev.set(s, r + 1n);
    }
    console.log('read 1 row µs', (Number(tRead) / N / 1000).toFixed(1), 'read empty (+head) µs', (Number(tHead) / N / 1000).toFixed(1), 'append µs', (Number(tApp) / N / 1000).toFixed(1));
  }
  await store.close();
})();
