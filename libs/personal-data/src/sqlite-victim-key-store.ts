import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DATA_KEY_BYTES } from './in-memory-victim-key-store';
import { VictimDataErasedError, type VictimKeyStore } from './victim-key-store.port';

export interface SqliteVictimKeyStoreOptions {
  filename: string;
  /**
   * 32-byte key-encryption key. When given, each data key is stored wrapped (AES-256-GCM) so the
   * key file alone reveals nothing; keep it outside the data directory (e.g. a secret manager).
   */
  masterKey?: Buffer;
  /** SQLite's page cache for this connection, in KiB (`PRAGMA cache_size`); better-sqlite3's build gives 16,000 by default. */
  pageCacheKib?: number;
}

/** The key file cannot be opened as configured: wrapped without the master key, or with another one. */
export class KeyStoreLockedError extends Error {
  override readonly name = 'KeyStoreLockedError';
}

/** A known text wrapped with the master key: tells, on opening, whether the file is wrapped and by which key. */
const MASTER_KEY_CHECK = Buffer.from('case-journey victim key store');

interface KeyRow {
  key: Buffer | null;
}

/**
 * Victim data keys in their own SQLite file, apart from the event store, so that the events can be
 * backed up and copied while erasure stays possible. A destroyed key leaves a tombstone row.
 *
 * Destroying a key must remove its bytes from the files, not only from the table: `secure_delete`
 * overwrites freed content with zeros, and a TRUNCATE checkpoint copies the page without the key
 * into the main file and empties the write-ahead log, which still held the page as first written.
 *
 * A key made for a record not yet appended is stored `confirmed = 0` with the number of records
 * holding it. Release deletes it only while it is unconfirmed and no one else holds it, in one
 * transaction with the hold: a concurrent writer that sealed with the same key either holds it
 * first (and it stays) or finds it gone (and seals again), so no appended event loses its key.
 */
export class SqliteVictimKeyStore implements VictimKeyStore {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], KeyRow>;
  private readonly insert: Database.Statement<[string, Buffer]>;
  private readonly shred: Database.Statement<[string]>;
  private readonly insertHeld: Database.Statement<[string, Buffer]>;
  private readonly addHold: Database.Statement<[string]>;
  private readonly confirmHold: Database.Statement<[string]>;
  private readonly dropHold: Database.Statement<[string]>;
  private readonly removeUnused: Database.Statement<[string]>;
  private readonly holdTransaction: (keyId: string, key: Buffer) => boolean;
  private readonly releaseTransaction: (keyId: string) => void;
  /** Inside it, each hold's and release's own transaction is a savepoint of this one, and a confirm a statement of it. */
  private readonly outerTransaction: (work: () => unknown) => unknown;

  constructor(private readonly options: SqliteVictimKeyStoreOptions) {
    if (options.masterKey && options.masterKey.length !== DATA_KEY_BYTES) {
      throw new Error(`The master key must be ${DATA_KEY_BYTES} bytes`);
    }
    mkdirSync(dirname(options.filename), { recursive: true });
    // Waits for another process's write lock inside SQLite, holding the event loop, unlike the event
    // store's appends: the port is synchronous (a hold, confirm or release is made between sealing
    // and appending, within one decision), and its writes are one short transaction per recorded
    // batch with victims' details, not one per request.
    this.db = new Database(options.filename, { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('secure_delete = ON');
    if (options.pageCacheKib !== undefined) this.db.pragma(`cache_size = -${Math.max(0, Math.floor(options.pageCacheKib))}`);
    this.createSchema();
    this.select = this.db.prepare('SELECT key FROM victim_keys WHERE key_id = ?');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO victim_keys (key_id, key) VALUES (?, ?)');
    this.shred = this.db.prepare(
      "INSERT INTO victim_keys (key_id, key, destroyed_at) VALUES (?, NULL, strftime('%Y-%m-%dT%H:%M:%fZ')) " +
        'ON CONFLICT(key_id) DO UPDATE SET key = NULL, destroyed_at = COALESCE(destroyed_at, excluded.destroyed_at)',
    );
    this.insertHeld = this.db.prepare('INSERT INTO victim_keys (key_id, key, holds, confirmed) VALUES (?, ?, 1, 0)');
    this.addHold = this.db.prepare('UPDATE victim_keys SET holds = holds + 1 WHERE key_id = ?');
    this.confirmHold = this.db.prepare('UPDATE victim_keys SET confirmed = 1, holds = max(holds - 1, 0) WHERE key_id = ?');
    this.dropHold = this.db.prepare('UPDATE victim_keys SET holds = max(holds - 1, 0) WHERE key_id = ?');
    this.removeUnused = this.db.prepare('DELETE FROM victim_keys WHERE key_id = ? AND confirmed = 0 AND holds = 0 AND key IS NOT NULL');
    this.holdTransaction = this.db.transaction((keyId: string, key: Buffer) => {
      const row = this.select.get(keyId);
      if (!row) return this.insertHeld.run(keyId, this.wrap(key)).changes === 1;
      if (!row.key || !this.unwrap(row.key).equals(key)) return false;
      this.addHold.run(keyId);
      return true;
    }).immediate;
    this.releaseTransaction = this.db.transaction((keyId: string) => {
      this.dropHold.run(keyId);
      this.removeUnused.run(keyId);
    }).immediate;
    this.outerTransaction = this.db.transaction((work: () => unknown) => work()).immediate;
    try {
      this.checkMasterKey();
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** Whether the data keys are stored wrapped by a master key. */
  get wrapped(): boolean {
    return this.options.masterKey !== undefined;
  }

  /**
   * The tables, and the hold columns that key files from before holds lack (their keys all in use:
   * confirmed). Looked for and added under the write lock: processes opening one file at once (npm
   * start's APIs and worker) would otherwise each find a column missing and the second fail adding it.
   */
  private createSchema(): void {
    this.db
      .transaction(() => {
        this.db.exec(
          'CREATE TABLE IF NOT EXISTS victim_keys (key_id TEXT PRIMARY KEY, key BLOB, destroyed_at TEXT);' +
            'CREATE TABLE IF NOT EXISTS key_store_settings (name TEXT PRIMARY KEY, value BLOB NOT NULL);',
        );
        const columns = new Set((this.db.pragma('table_info(victim_keys)') as Array<{ name: string }>).map((column) => column.name));
        if (!columns.has('holds')) this.db.exec('ALTER TABLE victim_keys ADD COLUMN holds INTEGER NOT NULL DEFAULT 0');
        if (!columns.has('confirmed')) this.db.exec('ALTER TABLE victim_keys ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1');
      })
      .immediate();
  }

  keyFor(keyId: string): Buffer {
    const row = this.select.get(keyId);
    if (row?.key) return this.unwrap(row.key);
    if (row) throw new VictimDataErasedError(keyId);
    const key = randomBytes(DATA_KEY_BYTES);
    // Another process may have created the key first: then its key is the one to use.
    if (this.insert.run(keyId, this.wrap(key)).changes === 1) return key;
    return this.keyFor(keyId);
  }

  existingKey(keyId: string): Buffer | undefined {
    const row = this.select.get(keyId);
    return row?.key ? this.unwrap(row.key) : undefined;
  }

  isErased(keyId: string): boolean {
    const row = this.select.get(keyId);
    return row !== undefined && row.key === null;
  }

  /** Leaves a tombstone and returns once the key's bytes are gone from the database file and its log. */
  destroy(keyId: string): void {
    this.shred.run(keyId);
    this.purgeFreedBytes();
  }

  hold(keyId: string, key: Buffer): boolean {
    return this.holdTransaction(keyId, key);
  }

  confirm(keyId: string): void {
    this.confirmHold.run(keyId);
  }

  release(keyId: string): void {
    this.releaseTransaction(keyId);
  }

  together<T>(work: () => T): T {
    return this.outerTransaction(work) as T;
  }

  close(): void {
    this.db.close();
  }

  /**
   * A wrapped file needs its master key and refuses any other; an unwrapped one given a master key
   * is wrapped there and then, every key at once, so a copy of the folder stops unsealing anything.
   */
  private checkMasterKey(): void {
    const { masterKey } = this.options;
    const check = this.db.prepare("SELECT value FROM key_store_settings WHERE name = 'master-key-check'").pluck();
    const stored = check.get() as Buffer | undefined;
    if (stored && !masterKey) {
      throw new KeyStoreLockedError(`${this.options.filename} is wrapped by a master key: set PERSONAL_DATA_MASTER_KEY to the key it was wrapped with`);
    }
    if (stored) {
      if (!this.opens(stored)) throw new KeyStoreLockedError(`PERSONAL_DATA_MASTER_KEY is not the master key that wraps ${this.options.filename}`);
      return;
    }
    if (!masterKey) return;
    const wrapEveryKey = this.db.transaction(() => {
      if (check.get()) return; // another process wrapped it meanwhile
      const rows = this.db.prepare('SELECT key_id, key FROM victim_keys WHERE key IS NOT NULL').all() as Array<{ key_id: string; key: Buffer }>;
      const update = this.db.prepare('UPDATE victim_keys SET key = ? WHERE key_id = ?');
      for (const row of rows) update.run(this.wrap(row.key), row.key_id);
      this.db.prepare("INSERT INTO key_store_settings (name, value) VALUES ('master-key-check', ?)").run(this.wrap(MASTER_KEY_CHECK));
    });
    wrapEveryKey.immediate();
    this.purgeFreedBytes();
  }

  private opens(check: Buffer): boolean {
    try {
      return this.unwrap(check).equals(MASTER_KEY_CHECK);
    } catch {
      return false;
    }
  }

  /**
   * Moves every committed page into the main file and empties the log. The checkpoint waits (the
   * busy timeout) for another process's read to end; if one still holds it, the erasure fails and
   * is retried rather than leave the key's bytes in the log.
   */
  private purgeFreedBytes(): void {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (result.busy !== 0) throw new Error('The victim key file is busy: its write-ahead log could not be emptied; try the erasure again');
  }

  private wrap(key: Buffer): Buffer {
    if (!this.options.masterKey) return key;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.options.masterKey, iv);
    const body = Buffer.concat([cipher.update(key), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  private unwrap(stored: Buffer): Buffer {
    if (!this.options.masterKey) return stored;
    const decipher = createDecipheriv('aes-256-gcm', this.options.masterKey, stored.subarray(0, 12));
    decipher.setAuthTag(stored.subarray(12, 28));
    return Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]);
  }
}
