import type { ReadyTimeline } from './ready-timeline';

/** A case's timeline as worked out from its list of records, and what the list was when it was. */
export interface KeptTimeline {
  ready: ReadyTimeline;
  /** How many records the case's list held, and the last of them as stored: the list's mark. */
  length: number;
  last: string;
  /** A hash of the ready text's pieces, from which the answer's ETag is made. */
  tag: string;
}

/**
 * The timelines a reader worked out lately, per case list, up to `maxChars` of text in all, the least
 * recently read forgotten first. What is kept is only ever given back against the list's mark as read
 * on the same request (see `TimelineReader`), so a write in any process is seen on the next read.
 */
export class KeptTimelines {
  private readonly kept = new Map<string, KeptTimeline>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get size(): number {
    return this.kept.size;
  }

  get(key: string): KeptTimeline | undefined {
    const kept = this.kept.get(key);
    if (kept) {
      // Map keeps insertion order: put back last, it is the least likely to go.
      this.kept.delete(key);
      this.kept.set(key, kept);
    }
    return kept;
  }

  keep(key: string, timeline: KeptTimeline): void {
    this.forget(key);
    const chars = charsOf(timeline);
    if (chars > this.maxChars) return;
    this.kept.set(key, timeline);
    this.chars += chars;
    for (const [oldest, kept] of this.kept) {
      if (this.chars <= this.maxChars) break;
      this.kept.delete(oldest);
      this.chars -= charsOf(kept);
    }
  }

  forget(key: string): void {
    const kept = this.kept.get(key);
    if (!kept) return;
    this.kept.delete(key);
    this.chars -= charsOf(kept);
  }
}

const charsOf = ({ ready, last }: KeptTimeline): number => ready.pieces.reduce((chars, piece) => chars + piece.length, last.length);
