import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InMemoryVictimKeyStore } from './in-memory-victim-key-store';
import { PersonalDataVault } from './personal-data-vault';
import { VictimDataErasedError } from './victim-key-store.port';
import { KeyStoreLockedError, SqliteVictimKeyStore } from './sqlite-victim-key-store';

const alice = { name: 'Alice Example', dateOfBirth: '1990-04-01', email: 'alice@example.org', phone: '07700 900123' };

describe('PersonalDataVault', () => {
  it('seals so that nothing of the plain text shows, and opens back to the same data', () => {
    const vault = new PersonalDataVault(new InMemoryVictimKeyStore());
    const sealed = vault.seal('v1', alice);
    const serialised = JSON.stringify(sealed);
    for (const value of Object.values(alice)) expect(serialised).not.toContain(value);
    expect(sealed.keyId).toBe('victim-v1');
    expect(vault.open(sealed)).toEqual(alice);
  });

  it('after erasure every envelope of that victim reads as erased, and others still open', () => {
    const vault = new PersonalDataVault(new InMemoryVictimKeyStore());
    const first = vault.seal('v1', alice);
    const second = vault.seal('v1', { ...alice, phone: '07700 900456' });
    const bob = vault.seal('v2', { name: 'Bob' });
    vault.erase('v1');
    expect(vault.open(first)).toEqual({ erased: true });
    expect(vault.open(second)).toEqual({ erased: true });
    expect(vault.open(bob)).toEqual({ name: 'Bob' });
    expect(() => vault.seal('v1', alice)).toThrow(VictimDataErasedError);
  });

  it('refuses an envelope moved to another victim (the key id is authenticated)', () => {
    const keys = new InMemoryVictimKeyStore();
    const vault = new PersonalDataVault(keys);
    vault.seal('v2', { name: 'Bob' });
    const sealed = vault.seal('v1', alice);
    const forged = { ...sealed, keyId: 'victim-v2' };
    expect(() => vault.open(forged)).toThrow();
  });

  it('is deterministic given a deterministic randomness source', () => {
    let counter = 0;
    const seeded = (size: number) => Buffer.alloc(size, ++counter);
    const sealA = new PersonalDataVault(new InMemoryVictimKeyStore(seeded), seeded).seal('v1', alice);
    counter = 0;
    const sealB = new PersonalDataVault(new InMemoryVictimKeyStore(seeded), seeded).seal('v1', alice);
    expect(sealA).toEqual(sealB);
  });
});

describe('SqliteVictimKeyStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps keys across reopening, and a destroyed key stays destroyed', () => {
    const filename = join(dir, 'keys.db');
    const first = new SqliteVictimKeyStore({ filename });
    const sealed = new PersonalDataVault(first).seal('v1', alice);
    first.close();

    const reopened = new SqliteVictimKeyStore({ filename });
    const vault = new PersonalDataVault(reopened);
    expect(vault.open(sealed)).toEqual(alice);
    vault.erase('v1');
    reopened.close();

    const again = new SqliteVictimKeyStore({ filename });
    expect(new PersonalDataVault(again).open(sealed)).toEqual({ erased: true });
    again.close();
  });

  it('stores keys wrapped when given a master key, and reads them back with it', () => {
    const filename = join(dir, 'keys.db');
    const masterKey = randomBytes(32);
    const store = new SqliteVictimKeyStore({ filename, masterKey });
    const key = store.keyFor('victim-v1');
    store.close();
    expect(readFileSync(filename).includes(key)).toBe(false);

    const rightMaster = new SqliteVictimKeyStore({ filename, masterKey });
    expect(rightMaster.existingKey('victim-v1')).toEqual(key);
    rightMaster.close();
  });

  /** Whether any of the key file's parts on disk (the database and its write-ahead log) holds these bytes. */
  const onDisk = (filename: string, bytes: Buffer): boolean =>
    [filename, `${filename}-wal`].some((file) => existsSync(file) && readFileSync(file).includes(bytes));

  it("destroying a key removes its bytes from the database file and its write-ahead log, even while another process's connection is open", () => {
    const filename = join(dir, 'keys.db');
    const store = new SqliteVictimKeyStore({ filename });
    const other = new SqliteVictimKeyStore({ filename });
    const kept = store.keyFor('victim-v2');
    const key = store.keyFor('victim-v1');
    expect(other.existingKey('victim-v1')).toEqual(key);
    expect(onDisk(filename, key)).toBe(true);

    store.destroy('victim-v1');
    expect(onDisk(filename, key)).toBe(false);
    expect(other.existingKey('victim-v1')).toBeUndefined();
    expect(() => other.keyFor('victim-v1')).toThrow(VictimDataErasedError);
    expect(other.existingKey('victim-v2')).toEqual(kept);
    other.close();
    store.close();
  });

  it('refuses to open a wrapped file without its master key, or with another one, saying which', () => {
    const filename = join(dir, 'keys.db');
    new SqliteVictimKeyStore({ filename, masterKey: randomBytes(32) }).close();
    expect(() => new SqliteVictimKeyStore({ filename })).toThrow(KeyStoreLockedError);
    expect(() => new SqliteVictimKeyStore({ filename })).toThrow(/wrapped by a master key: set PERSONAL_DATA_MASTER_KEY/);
    expect(() => new SqliteVictimKeyStore({ filename, masterKey: randomBytes(32) })).toThrow(/is not the master key/);
  });

  it('wraps the keys of an unwrapped file the first time it is opened with a master key, leaving no plain key on disk', () => {
    const filename = join(dir, 'keys.db');
    const unwrapped = new SqliteVictimKeyStore({ filename });
    const first = unwrapped.keyFor('victim-v1');
    const second = unwrapped.keyFor('victim-v2');
    unwrapped.close();
    expect(onDisk(filename, first)).toBe(true);

    const masterKey = randomBytes(32);
    const wrapped = new SqliteVictimKeyStore({ filename, masterKey });
    expect(onDisk(filename, first)).toBe(false);
    expect(onDisk(filename, second)).toBe(false);
    expect(wrapped.existingKey('victim-v1')).toEqual(first);
    expect(wrapped.existingKey('victim-v2')).toEqual(second);
    wrapped.close();
    expect(() => new SqliteVictimKeyStore({ filename })).toThrow(KeyStoreLockedError);
  });
});
