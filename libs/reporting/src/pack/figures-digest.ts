import { createHash } from 'node:crypto';
import type { BoardPack } from './board-pack';

/**
 * A SHA-256 of a pack's figures, periods and definitions in a canonical JSON (keys sorted): two packs
 * built from the same frozen snapshots have the same digest, though their PDFs differ in creation
 * times. The title and notes are left out only where they hold no figure; here everything in the pack
 * is a figure or says what one means, so all of it is digested.
 */
export function figuresDigest(pack: BoardPack): string {
  return createHash('sha256').update(canonicalJson(pack)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}
