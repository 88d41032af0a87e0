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
}

/**
 * Victim data keys in their own SQLite file, apart from the event store, so that the events can be
 * backed up and copied while erasure stays possible. A destroyed key leaves a tombstone row.
 */
export class SqliteVictimKeyStore implements VictimKeyStore {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], { key: Buffer | null }>;
  private readonly insert: Database.Statement<[string, Buffer]>;
  private readonly shred: Database.Statement<[string]>;

  constructor(private readonly options: SqliteVictimKeyStoreOptions) {
    if (options.masterKey && options.masterKey.length !== DATA_KEY_BYTES) {
      throw new Error(`The master key must be ${DATA_KEY_BYTES} bytes`);
    }
    mkdirSync(dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS victim_keys (key_id TEXT PRIMARY KEY, key BLOB, destroyed_at TEXT)',
    );
    this.select = this.db.prepare('SELECT key FROM victim_keys WHERE key_id = ?');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO victim_keys (key_id, key) VALUES (?, ?)');
    this.shred = this.db.prepare(
      "INSERT INTO victim_keys (key_id, key, destroyed_at) VALUES (?, NULL, strftime('%Y-%m-%dT%H:%M:%fZ')) " +
        'ON CONFLICT(key_id) DO UPDATE SET key = NULL, destroyed_at = excluded.destroyed_at',
    );
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

  destroy(keyId: string): void {
    this.shred.run(keyId);
  }

  close(): void {
    this.db.close();
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
