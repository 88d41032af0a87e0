import { KeptTimelines, type KeptTimeline } from './kept-timelines';

/** A kept timeline of `chars` characters in all: its text and its last record. */
const aTimeline = (chars: number, last = 'r'): KeptTimeline => ({ ready: { pieces: ['x'.repeat(chars - last.length)], heldFromMs: null, area: null }, length: 1, last, tag: 't' });

describe('KeptTimelines', () => {
  it('keeps timelines up to its size in characters, forgetting the least recently read first', () => {
    const kept = new KeptTimelines(100);
    kept.keep('a', aTimeline(40));
    kept.keep('b', aTimeline(40));
    expect(kept.get('a')).toBeDefined(); // now b is the least recently read

    kept.keep('c', aTimeline(40)); // 120 > 100: b goes

    expect(kept.get('b')).toBeUndefined();
    expect(kept.get('a')).toBeDefined();
    expect(kept.get('c')).toBeDefined();
    expect(kept.size).toBe(2);
  });

  it('counts a case kept again only once, at its new size', () => {
    const kept = new KeptTimelines(100);
    kept.keep('a', aTimeline(40));
    kept.keep('b', aTimeline(10));
    kept.keep('a', aTimeline(90)); // 90 + 10 = 100: both stay
    expect(kept.size).toBe(2);
    expect(kept.get('a')!.ready.pieces[0]).toHaveLength(89);

    kept.forget('a');
    kept.keep('c', aTimeline(90)); // 10 + 90 = 100: b stays
    expect(kept.get('b')).toBeDefined();
  });

  it('keeps nothing larger than its whole size, and forgets nothing else for it', () => {
    const kept = new KeptTimelines(100);
    kept.keep('a', aTimeline(60));
    kept.keep('huge', aTimeline(101));
    expect(kept.get('huge')).toBeUndefined();
    expect(kept.get('a')).toBeDefined();
  });
});
