import { MAX_BODY_DEPTH, MAX_BODY_MEMBERS, rawBodyFault } from './json-body';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}1${close.repeat(depth)}`;

describe('the raw bytes of a JSON body, before it is parsed', () => {
  it(`passes nesting ${MAX_BODY_DEPTH} deep and refuses ${MAX_BODY_DEPTH + 1}`, () => {
    expect(rawBodyFault(bytes(nested(MAX_BODY_DEPTH)))).toBeUndefined();
    expect(rawBodyFault(bytes(nested(MAX_BODY_DEPTH + 1)))).toBe('body nests objects and lists more than 32 levels deep');
    expect(rawBodyFault(bytes(`{"a":${nested(MAX_BODY_DEPTH, '{"b":', '}')}}`))).toBe('body nests objects and lists more than 32 levels deep');
  });

  it('skips brackets, commas and escaped quotes inside strings, and multi-byte characters', () => {
    const text = `{"a": "${'['.repeat(100)}\\"${','.repeat(5_000)}", "b": "é€😀"}`;
    expect(rawBodyFault(bytes(text))).toBeUndefined();
  });

  it(`passes ${MAX_BODY_MEMBERS} members in one object or list and refuses one more, wherever it is`, () => {
    const list = (count: number) => `[${Array(count).fill(1).join(',')}]`;
    const object = (count: number) => `{${Array.from({ length: count }, (_, index) => `"k${index}":1`).join(',')}}`;
    expect(rawBodyFault(bytes(list(MAX_BODY_MEMBERS)))).toBeUndefined();
    expect(rawBodyFault(bytes(`{"a":${object(MAX_BODY_MEMBERS)}}`))).toBeUndefined();
    expect(rawBodyFault(bytes(list(MAX_BODY_MEMBERS + 1)))).toBe('an object or list in the body holds more than 1000 members');
    expect(rawBodyFault(bytes(`{"a":[{"b":${object(MAX_BODY_MEMBERS + 1)}}]}`))).toBe('an object or list in the body holds more than 1000 members');
  });

  it('counts the members of each object apart: many small ones pass', () => {
    const victims = `[${Array(900).fill('{"a":1,"b":2,"c":3}').join(',')}]`;
    expect(rawBodyFault(bytes(victims))).toBeUndefined();
  });
});
