import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys by code unit at every depth, leaves out undefined members and writes no spaces', () => {
    const value = { b: [3, { z: true, a: null }], a: 'x', ä: 1, Z: 2, _: undefined, '10': 0, '9': 0 };
    // By hand: "10" < "9" < "Z" < "_"(absent) < "a" < "b" < "ä" by UTF-16 code unit.
    expect(canonicalJson(value)).toBe('{"10":0,"9":0,"Z":2,"a":"x","b":[3,{"a":null,"z":true}],"ä":1}');
  });

  it('writes undefined array items as null, strings and numbers as JSON does, and a toJSON value in its place', () => {
    expect(canonicalJson([undefined, 'line\n"quoted"\u2028', 1e21, 0.1, -0, new Date('2026-03-10T10:00:00.000Z')])).toBe(
      '[null,"line\\n\\"quoted\\"\u2028",1e+21,0.1,0,"2026-03-10T10:00:00.000Z"]',
    );
  });

  it('refuses NaN, infinities and cycles wherever they are', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { back: cycle };
    expect(() => canonicalJson({ a: [NaN] })).toThrow();
    expect(() => canonicalJson({ a: { b: -Infinity } })).toThrow();
    expect(() => canonicalJson(cycle)).toThrow();
  });

  it('is character for character what the canonicalize package writes, which stored content hashes were made with', () => {
    const samples: unknown[] = [
      {},
      [],
      { type: 'CrimeReported', data: { victims: [{ victimId: 'v-1', personal: 'key-1', vulnerabilities: [] }], area: 'Kent' }, occurredAt: '2026-01-01T00:00:00.000Z', receivedAt: undefined, agency: 'Police' },
      { nested: { deeper: { deepest: [1, [2, [3, { k: 'v' }]]] } }, empty: '', emoji: '😀', zero: 0, big: 123456789.125, negative: -5e-7 },
      { b: 1, a: 2, c: { y: [null, false, true], x: 'é' } },
      'plain',
      42,
      null,
    ];
    for (const sample of samples) expect(canonicalJson(sample)).toBe(canonicalize(sample));
  });

  it('agrees with the canonicalize package on any JSON-like value, undefined members and array items included', () => {
    const key = fc.string({ unit: 'binary' });
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary' }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.array(tie('value')),
        fc.dictionary(key, tie('value')),
      ),
    }));
    fc.assert(fc.property(value, (sample) => canonicalJson(sample) === canonicalize(sample)), { numRuns: 2000 });
  });
});
