import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
const dir = mkdtempSync(join(tmpdir(), 'zz-'));
const open = (name: string, schema: string) => { const db = new Database(join(dir, name)); db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL'); db.exec(schema); return db; };
const product = open('p.sqlite', `CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, created INTEGER NOT NULL, UNIQUE (stream_id, revision), UNIQUE (stream_id, event_id)) STRICT;`);
const noauto = open('n.sqlite', `CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, created INTEGER NOT NULL, UNIQUE (stream_id, revision), UNIQUE (stream_id, event_id)) STRICT;`);
const base = open('b.sqlite', 'CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, event_id TEXT NOT NULL UNIQUE, data TEXT NOT NULL)');
const streams = Array.from({ length: 64 }, () => `case-${randomUUID()}`);
const data = JSON.stringify({ victimId: randomUUID(), topic: 'other', channel: 'phone' });
const meta = JSON.stringify({ eventId: 'x', recordedAt: new Date().toISOString(), actor: { agency: 'Police', subject: 'x' }, contentHash: 'abcdefabcdefabcdef', requestId: randomUUID() });
function productish(db: Database.Database, label: string) {
  const ins = db.prepare('INSERT INTO events (event_id, stream_id, revision, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const head = db.prepare('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1').pluck();
  const place = db.prepare('SELECT stream_id, revision, position FROM events WHERE stream_id = ? AND event_id = ?');
  const rev = new Map<string, number>();
  const tx = db.transaction((w: () => void) => w());
  const N = 5000;
  const one = (i: number, full: boolean) => { const s = streams[i % 64]; const r = (rev.get(s) ?? -1) + 1; rev.set(s, r); const id = randomUUID();
    if (full) tx.immediate(() => { place.get(s, id); head.get(s); ins.run(id, s, r, 'VictimInformed', data, meta, Date.now()); });
    else ins.run(id, s, r, 'VictimInformed', data, meta, Date.now()); };
  for (const full of [true, false]) { const t = process.hrtime.bigint(); const c = process.cpuUsage(); for (let i = 0; i < N; i++) one(i, full); const cpu = process.cpuUsage(c); console.log(label, full ? 'txn+place+head+insert' : 'insert autocommit', 'wall µs', (Number(process.hrtime.bigint() - t) / N / 1000).toFixed(1), 'cpu µs', ((cpu.user + cpu.system) / N).toFixed(1), 'sys', (cpu.system / N).toFixed(1)); }
}
for (let k = 0; k < 2; k++) {
  productish(product, 'product schema');
  productish(noauto, 'no autoincrement');
  const bi = base.prepare('INSERT INTO events (stream_id, event_id, data) VALUES (?, ?, ?)');
  const N = 5000; const t = process.hrtime.bigint(); const c = process.cpuUsage(); for (let i = 0; i < N; i++) bi.run(streams[i % 64], randomUUID(), data); const cpu = process.cpuUsage(c);
  console.log('baseline schema insert autocommit wall µs', (Number(process.hrtime.bigint() - t) / N / 1000).toFixed(1), 'cpu µs', ((cpu.user + cpu.system) / N).toFixed(1), 'sys', (cpu.system / N).toFixed(1));
}
