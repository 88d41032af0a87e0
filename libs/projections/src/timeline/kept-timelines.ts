import { RecentlyUsed } from '@case-journey/domain';
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
  private readonly kept: RecentlyUsed<KeptTimeline>;

  constructor(maxChars: number) {
    this.kept = new RecentlyUsed(maxChars, charsOf);
  }

  get size(): number {
    return this.kept.size.values;
  }

  /** The case list's timeline, if kept: now the most recently read. */
  get(key: string): KeptTimeline | undefined {
    return this.kept.use(key);
  }

  keep(key: string, timeline: KeptTimeline): void {
    this.kept.keep(key, timeline);
  }

  forget(key: string): void {
    this.kept.forget(key);
  }
}

const charsOf = ({ ready, last }: KeptTimeline): number => ready.pieces.reduce((chars, piece) => chars + piece.length, last.length);
