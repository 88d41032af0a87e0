import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InMemoryVictimKeyStore } from './in-memory-victim-key-store';
import { PersonalDataVault } from './personal-data-vault';
import { VictimDataErasedError } from './victim-key-store.port';
import { SqliteVictimKeyStore } from './sqlite-victim-key-store';

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

  it('stores keys wrapped when given a master key, and needs that key to read them', () => {
    const filename = join(dir, 'keys.db');
    const masterKey = randomBytes(32);
    const store = new SqliteVictimKeyStore({ filename, masterKey });
    const key = store.keyFor('victim-v1');
    store.close();
    expect(readFileSync(filename).includes(key)).toBe(false);

    const wrongMaster = new SqliteVictimKeyStore({ filename, masterKey: randomBytes(32) });
    expect(() => wrongMaster.existingKey('victim-v1')).toThrow();
    wrongMaster.close();
    const rightMaster = new SqliteVictimKeyStore({ filename, masterKey });
    expect(rightMaster.existingKey('victim-v1')).toEqual(key);
    rightMaster.close();
  });
});
