import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BoardPack, PackPeriod } from '@case-journey/reporting';

/** What is kept about a built pack and listed. */
export interface StoredPack {
  id: string;
  area: string | null;
  month: string;
  suppressed: boolean;
  /** The suppression rule applied, or null when the pack is not suppressed. */
  suppression: { threshold: number; includeZeros: boolean } | null;
  title: string;
  builtAt: string;
  /** SHA-256 of the pack's figures (canonical JSON): the same figures give the same digest. */
  figuresDigest: string;
  periods: PackPeriod[];
  /** Earlier packs of the same month, area and suppression built from the same frozen snapshots, and whether this one has their figures. */
  reproducibility: Array<{ packId: string; builtAt: string; sameFigures: boolean }>;
  pdfBytes: number;
}

const PACK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isPackId = (id: string): boolean => PACK_ID.test(id);
export const newPackId = (): string => randomUUID();

/**
 * Built packs on disk under `{DATA_DIR}/packs/{id}/`: `pack.json` (what is listed, and the pack's
 * figures), `pack.html` and `pack.pdf`. A pack is written whole into a hidden folder and renamed
 * into place, so a crash leaves either no pack or all of it, and the listing never sees half of one.
 */
export class PackStore {
  readonly directory: string;

  constructor(dataDirectory: string) {
    this.directory = join(dataDirectory, 'packs');
  }

  async save(stored: StoredPack, pack: BoardPack, html: string, pdf: Buffer): Promise<void> {
    assertPackId(stored.id);
    await mkdir(this.directory, { recursive: true });
    const partial = join(this.directory, `.partial-${stored.id}`);
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial);
    await writeFile(join(partial, 'pack.json'), JSON.stringify({ stored, pack }, null, 2));
    await writeFile(join(partial, 'pack.html'), html);
    await writeFile(join(partial, 'pack.pdf'), pdf);
    await rename(partial, join(this.directory, stored.id));
  }

  /** Every pack, newest first. */
  async list(): Promise<StoredPack[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const packs = await Promise.all(names.filter(isPackId).map(async (id) => (await this.get(id))?.stored));
    return packs.filter((stored): stored is StoredPack => stored !== undefined).sort((a, b) => b.builtAt.localeCompare(a.builtAt));
  }

  async get(id: string): Promise<{ stored: StoredPack; pack: BoardPack } | undefined> {
    const text = await this.read(id, 'pack.json');
    return text === undefined ? undefined : (JSON.parse(text.toString('utf8')) as { stored: StoredPack; pack: BoardPack });
  }

  pdf(id: string): Promise<Buffer | undefined> {
    return this.read(id, 'pack.pdf');
  }

  html(id: string): Promise<Buffer | undefined> {
    return this.read(id, 'pack.html');
  }

  private async read(id: string, file: string): Promise<Buffer | undefined> {
    if (!isPackId(id)) return undefined;
    try {
      return await readFile(join(this.directory, id, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

function assertPackId(id: string): void {
  if (!isPackId(id)) throw new RangeError(`a pack id is a UUID, not '${id}'`);
}
