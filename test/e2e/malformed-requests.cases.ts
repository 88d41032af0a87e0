/**
 * The malformed requests of malformed-requests.e2e-spec.ts, made deterministically from tables and
 * from the example bodies (apps/api/src/cases/dto/examples.ts): every leaf and every object of a
 * crime report and of each handoff type's example is broken in turn. Each attempt says what it
 * expects: the status, and the field a 400 must name (by its full path, as the API names it).
 */
import { AGENCIES } from '@case-journey/domain';
import { CRIME_REPORT_EXAMPLE, EXAMPLE_IDS, HANDOFF_EXAMPLES, type HandoffType } from '../../apps/api/src/cases/dto';

export interface Attempt {
  category: string;
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** A value sent as JSON, or `{ raw }`: the bytes as given. */
  body?: unknown;
  raw?: string | Uint8Array;
  expect: { status: number; field?: string; rule?: string };
}

/** What the seeded case gives the attempts: its id, and the ids of the events it holds. */
export interface Seeded {
  caseId: string;
  eventIdOf: (type: HandoffType) => string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Segment = string | number;

const clone = <T>(value: T): T => structuredClone(value);

/** `victims[0].name`, `data.charges[0].offence`: the API's notation of a path. */
export const notation = (path: readonly Segment[]): string =>
  path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');

/** Every node under the root (objects, lists, leaves), with its path. */
function* nodesOf(value: Json, path: Segment[] = []): Generator<[Segment[], Json]> {
  if (path.length > 0) yield [path, value];
  if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* nodesOf(item, [...path, index]);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* nodesOf(item, [...path, key]);
}

/** Sets `value` at `path` in a copy, as an own property even when the key is `__proto__`. */
function withValueAt(root: Json, path: readonly Segment[], value: unknown): Json {
  const copy = clone(root);
  let holder = copy as Record<Segment, unknown>;
  for (const segment of path.slice(0, -1)) holder = holder[segment] as Record<Segment, unknown>;
  Object.defineProperty(holder, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value);

/** Values of each JSON type: a node is replaced by those of another type than its own. */
const OTHER_TYPES: unknown[] = [null, 0, true, 'text', [], {}, [1], { text: 'x' }, -1.5];

/** Text no store can hold: halves of surrogate pairs alone, and NUL. */
const UNFIT_TEXT = ['\ud800', 'a\udfffb', 'x\u0000y'];
const BLANKS = ['', '   ', '\t\n '];

/** Names every JavaScript object inherits, which class-transformer skipped or choked on. */
const BUILT_IN_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];

const FUTURE = '2026-06-01T00:00:00Z';
const IMPLAUSIBLE = ['0000-01-01T00:00:00Z', '1000-06-15T12:00:00+01:00', '1989-12-31T23:59:59Z'];

export function malformedRequests(seeded: Seeded): Attempt[] {
  const attempts: Attempt[] = [];
  let serial = 0;
  /** Each body its own reference, so that one wrongly accepted would be stored, and caught. */
  const fresh = <T extends object>(body: T): T => ({ ...body, sourceReference: `MALFORMED-${++serial}` });
  const report = () => fresh(clone(CRIME_REPORT_EXAMPLE)) as unknown as Json;
  const handoff = (type: HandoffType) => {
    const body = fresh(clone(HANDOFF_EXAMPLES[type])) as unknown as { data: Record<string, unknown> };
    if (type === 'EventCorrected') body.data.correctedEventId = seeded.eventIdOf('HearingListed');
    if (type === 'EventRetracted') body.data.retractedEventId = seeded.eventIdOf('VictimOptedOut');
    return body as unknown as Json;
  };
  const events = `/cases/${seeded.caseId}/events`;
  const add = (category: string, name: string, request: Omit<Attempt, 'category' | 'name'>) => attempts.push({ category, name, ...request });
  const post = (category: string, name: string, path: string, body: unknown, expect: Attempt['expect'], headers?: Record<string, string>) =>
    add(category, name, { method: 'POST', path, body, expect, headers });

  const bodies: Array<[string, string, () => Json]> = [
    ['crime report', '/cases', report],
    ...(Object.keys(HANDOFF_EXAMPLES) as HandoffType[]).map((type): [string, string, () => Json] => [type, events, () => handoff(type)]),
  ];

  for (const [what, path, make] of bodies) {
    for (const [index, [at, value]] of [...nodesOf(make())].entries()) {
      const field = notation(at);
      // Wrong types: two of the others, chosen by the node's place.
      const others = OTHER_TYPES.filter((other) => typeOf(other) !== typeOf(value));
      for (const other of [others[index % others.length], others[(index + 3) % others.length]]) {
        post('wrong type', `${what} ${field} = ${JSON.stringify(other)}`, path, withValueAt(make(), at, other), { status: 400, field });
      }
      if (typeof value !== 'string') continue;
      const unfit = UNFIT_TEXT[index % UNFIT_TEXT.length];
      post('bad unicode', `${what} ${field} + ${JSON.stringify(unfit)}`, path, withValueAt(make(), at, `${value}${unfit}`), { status: 400, field });
      post('blank', `${what} ${field} blank`, path, withValueAt(make(), at, BLANKS[index % BLANKS.length]), { status: 400, field });
    }
  }

  // Prototype names as keys, at every level of a body, and under a field that holds a value.
  const places: Array<[string, string, () => Json, Segment[]]> = [
    ['crime report', '/cases', report, []],
    ['crime report', '/cases', report, ['offence']],
    ['crime report', '/cases', report, ['victims', 0]],
    ['crime report', '/cases', report, ['recordedBy']],
    ['crime report', '/cases', report, ['area']],
    ['charge decision', events, () => handoff('ChargeDecisionMade'), []],
    ['charge decision', events, () => handoff('ChargeDecisionMade'), ['data']],
    ['charge decision', events, () => handoff('ChargeDecisionMade'), ['data', 'charges', 0]],
    ['charge decision', events, () => handoff('ChargeDecisionMade'), ['data', 'charges', 0, 'offence']],
    ['charge decision', events, () => handoff('ChargeDecisionMade'), ['data', 'decision']],
    ['correction', events, () => handoff('EventCorrected'), ['data', 'data']],
  ];
  for (const [what, path, make, at] of places) {
    for (const name of BUILT_IN_NAMES) {
      for (const value of [{}, 1]) {
        const body = make();
        const node = at.reduce<unknown>((holder, segment) => (holder as Record<Segment, unknown>)[segment], body);
        const isObject = typeof node === 'object' && node !== null && !Array.isArray(node);
        const holder = isObject ? (node as object) : {};
        Object.defineProperty(holder, name, { value, enumerable: true, writable: true, configurable: true });
        const sent = isObject ? body : withValueAt(body, at, holder);
        post('prototype key', `${what} ${notation([...at, name])} = ${JSON.stringify(value)}`, path, sent, { status: 400, field: notation([...at, name]) });
      }
    }
  }

  // Unknown fields, named deep down; and 90,000 of them, refused cheaply with a capped answer.
  for (const [what, path, make] of bodies.slice(0, 12)) {
    for (const [at] of [...nodesOf(make())].filter(([, value]) => typeof value === 'object' && value !== null && !Array.isArray(value))) {
      post('unknown field', `${what} ${notation([...at, 'nickname'])}`, path, withValueAt(make(), [...at, 'nickname'], 'x'), { status: 400, field: notation([...at, 'nickname']) });
    }
    post('unknown field', `${what} unknown top-level field`, path, withValueAt(make(), ['priority'], 'high'), { status: 400, field: 'priority' });
    for (const unfit of UNFIT_TEXT) {
      post('bad unicode', `${what} a field named ${JSON.stringify(unfit)}`, path, withValueAt(make(), [unfit], 1), { status: 400, field: unfit });
    }
  }
  const manyKeys = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, 1]));
  post('cheap rejection', '900 unknown keys', '/cases', { ...(report() as object), ...manyKeys(900) }, { status: 400, field: 'k0' });
  post('cheap rejection', '90,000 unknown keys', '/cases', { ...(report() as object), ...manyKeys(90_000) }, { status: 400, field: 'body' });
  post('cheap rejection', '101 victims', '/cases', withValueAt(report(), ['victims'], Array.from({ length: 101 }, () => 1)), { status: 400, field: 'victims' });
  post('cheap rejection', '100,000 victims', '/cases', withValueAt(report(), ['victims'], Array.from({ length: 100_000 }, () => 1)), { status: 400, field: 'body' });

  // Nesting too deep, refused before parsing; the same text 32 deep is parsed and judged.
  const nestedAt = (body: Json, at: Segment[], depth: number, [open, close]: [string, string]) => {
    const inner = depth - at.length; // the value at `at` sits inside at.length objects and lists
    return JSON.stringify(withValueAt(body, at, '__DEEP__')).replace('"__DEEP__"', `${open.repeat(inner)}1${close.repeat(inner)}`);
  };
  for (const depth of [33, 64, 1_000, 10_000]) {
    for (const brackets of [['[', ']'], ['{"a":', '}']] as Array<[string, string]>) {
      for (const [what, path, make, at] of [
        ['crime report', '/cases', report, ['offence']],
        ['crime report', '/cases', report, ['victims', 0, 'name']],
        ['handoff', events, () => handoff('VictimNeedsAssessed'), ['data']],
        ['handoff', events, () => handoff('VictimNeedsAssessed'), ['data', 'needsIdentified']],
      ] as Array<[string, string, () => Json, Segment[]]>) {
        add('deep nesting', `${what} ${notation(at)} ${depth} deep in ${brackets[0]}`, { method: 'POST', path, raw: nestedAt(make(), at, depth, brackets), expect: { status: 400, field: 'body' } });
      }
    }
  }
  add('deep nesting', 'exactly 32 deep, under an unknown field', { method: 'POST', path: '/cases', raw: nestedAt(report(), ['deep'], 32, ['[', ']']), expect: { status: 400, field: 'deep' } });

  // Huge strings: over each field's limit, and over the body's.
  for (const [at, value] of nodesOf(report())) {
    if (typeof value !== 'string') continue;
    for (const size of [2_001, 100_000]) post('huge string', `crime report ${notation(at)} of ${size}`, '/cases', withValueAt(report(), at, 'x'.repeat(size)), { status: 400, field: notation(at) });
  }
  for (const path of ['/cases', events]) post('huge string', `a body over 1 MB to ${path}`, path, { ...(report() as object), filler: 'x'.repeat(1_100_000) }, { status: 413 });

  // Bodies that are not a JSON object, and types of content that are not JSON.
  for (const path of ['/cases', events]) {
    for (const [name, raw, status] of [
      ['a cut-off object', '{"type": ', 400],
      ['a trailing comma', '{"a": 1,}', 400],
      ['a list', '[]', 400],
      ['null', 'null', 400],
      ['a number', '12', 400],
      ['a string', '"a crime"', 400],
      ['nothing', '', 400],
      ['a NUL byte', '\u0000', 400],
      ['bytes that are not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 400],
    ] as Array<[string, string | Uint8Array, number]>) {
      add('not an object', `${name} to ${path}`, { method: 'POST', path, raw, expect: { status } });
    }
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16le', 'application/octet-stream', 'image/png']) {
      add('content type', `${type} to ${path}`, { method: 'POST', path, raw: JSON.stringify(report()), headers: { 'content-type': type }, expect: { status: 415 } });
    }
  }

  // The erasure route's small body: nothing malformed may erase anyone.
  const erasure = `/victims/${EXAMPLE_IDS.victim}/erasure`;
  const reason = () => ({ reason: 'Erasure request DP-2026-0042 upheld' }) as Json;
  for (const name of [...BUILT_IN_NAMES, 'nickname']) {
    post('erasure', `a field named ${name}`, erasure, withValueAt(reason(), [name], 1), { status: 400, field: name });
  }
  for (const value of [...OTHER_TYPES.filter((other) => typeof other !== 'string'), ...BLANKS, ...UNFIT_TEXT, 'x'.repeat(501)]) {
    post('erasure', `reason ${JSON.stringify(value).slice(0, 20)}`, erasure, { reason: value }, { status: 400, field: 'reason' });
  }
  add('erasure', 'nested 64 deep', { method: 'POST', path: erasure, raw: nestedAt(reason(), ['reason'], 64, ['[', ']']), expect: { status: 400, field: 'body' } });
  add('erasure', 'a list for a body', { method: 'POST', path: erasure, raw: '[]', expect: { status: 400, field: 'body' } });
  add('erasure', 'a form for a body', { method: 'POST', path: erasure, raw: 'reason=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, expect: { status: 415 } });

  // A board pack's request: nothing malformed may queue a pack.
  const packs = '/reports/packs';
  const pack = (): Record<string, Json> => ({ month: '2025-03', area: 'Wessex' });
  for (const name of [...BUILT_IN_NAMES, 'colour']) {
    post('board pack', `a field named ${name}`, packs, withValueAt(pack(), [name], 1), { status: 400, field: name });
  }
  for (const month of ['2025-13', '2025-3', 'March 2025', '', ' ', 202503, null, ['2025-03'], '2025-03\u0000']) {
    post('board pack', `month ${JSON.stringify(month)}`, packs, { ...pack(), month }, { status: 400, field: 'month' });
  }
  for (const threshold of [0, -5, 2.5, 101, '5', true, null]) {
    post('board pack', `threshold ${JSON.stringify(threshold)}`, packs, { ...pack(), threshold }, { status: 400, field: 'threshold' });
  }
  for (const suppress of ['yes', 1, null, 'false']) {
    post('board pack', `suppress ${JSON.stringify(suppress)}`, packs, { ...pack(), suppress }, { status: 400, field: 'suppress' });
  }
  add('board pack', 'a list for a body', { method: 'POST', path: packs, raw: '[]', expect: { status: 400, field: 'body' } });
  add('board pack', 'a form for a body', { method: 'POST', path: packs, raw: 'month=2025-03', headers: { 'content-type': 'application/x-www-form-urlencoded' }, expect: { status: 415 } });

  // Unknown handoff types.
  for (const type of ['CrimeReported', 'SuspectTeleported', '', ' ', 'constructor', '__proto__', 'toString', 'victimInformed', 'VictimInformed\u0000', 'Victim\ud800Informed', 123, null, ['VictimInformed'], { type: 'VictimInformed' }]) {
    post('unknown type', `type ${JSON.stringify(type)}`, events, withValueAt(handoff('VictimInformed'), ['type'], type), { status: 400, field: 'type' });
  }

  // Headers.
  for (const ifMatch of ['yesterday', '"abc"', '"-1"', '*', 'W/', '"1", "2"', `"${'9'.repeat(30)}"`, '0x10']) {
    post('bad header', `If-Match ${ifMatch}`, events, handoff('VictimInformed'), { status: 400, field: 'If-Match' }, { 'if-match': ifMatch });
  }
  post('bad header', 'If-Match of a revision long gone', events, handoff('VictimInformed'), { status: 409 }, { 'if-match': '"1"' });
  for (const path of ['/cases', events]) {
    for (const key of [' ', 'a b', 'caf\u00e9', 'x'.repeat(201), 'tab\there', '\u00ff']) {
      const body = path === '/cases' ? report() : handoff('VictimInformed');
      post('bad header', `Idempotency-Key ${JSON.stringify(key.slice(0, 20))} to ${path}`, path, body, { status: 400, field: 'Idempotency-Key' }, { 'idempotency-key': key });
    }
  }

  // Path parameters.
  const unknownCase = '6f9619ff-8b86-4011-b42d-00c04fc964ff';
  for (const [name, path, status, field] of [
    ['not a uuid', '/cases/not-a-case/events', 400, 'id'],
    ['a NUL', '/cases/%00/events', 400, 'path'],
    ['a lone surrogate, percent-encoded', '/cases/%ED%A0%80/events', 400, 'path'],
    ['cut-off percent-encoding', '/cases/%E0%A4%A/events', 400, 'path'],
    ['an id of 5,000 characters', `/cases/${'a'.repeat(5000)}/events`, 400, 'id'],
    ['a case that does not exist', `/cases/${unknownCase}/events`, 404, undefined],
    ['an unknown projection', '/projections/everything/rebuild', 400, 'name'],
    ['a NUL in the projection', '/projections/timeline%00/rebuild', 400, 'path'],
  ] as Array<[string, string, number, string | undefined]>) {
    post('bad path', name, path, handoff('VictimInformed'), { status, field });
  }
  for (const [name, path, field] of [
    ['a case id with a NUL', '/cases/%00', 'path'],
    ['a case id that is not one', '/cases/1%20OR%201=1', 'id'],
    ['a timeline of no case', '/cases/x/timeline', 'id'],
    ['a victim id with a NUL', `/cases/${seeded.caseId}/victims/%00/journey`, 'path'],
    ['a victim id of 201 characters', `/cases/${seeded.caseId}/victims/${'v'.repeat(201)}/journey`, 'victimId'],
    ['a rebuild id with a NUL', '/projections/rebuilds/%00', 'path'],
    ['a board pack id that is not one', '/reports/packs/not-a-pack', 'id'],
    ['a board pack id with a NUL', '/reports/packs/%00', 'path'],
  ]) {
    add('bad path', name, { method: 'GET', path, expect: { status: 400, field } });
  }

  // The read routes' query parameters.
  for (const route of ['/worklists/witness-care', '/compliance', '/compliance/timeliness', '/notifications']) {
    for (const [query, field] of [
      ['constructor=1', 'constructor'],
      ['__proto__=1', '__proto__'],
      ['toString=x', 'toString'],
      ['valueOf=1', 'valueOf'],
      ['hasOwnProperty=1', 'hasOwnProperty'],
      ['nickname=1', 'nickname'],
      ['area=%00', 'area'],
      ['area[x]=1', 'area[x]'],
      ['period=2026-13', 'period'],
      ['limit=-1', 'limit'],
      ['limit=ten', 'limit'],
      ['offset=99999999', 'offset'],
      ['status=nope', 'status'],
      ['groupBy=colour', 'groupBy'],
    ]) {
      add('bad query', `${route}?${query}`, { method: 'GET', path: `${route}?${query}`, expect: { status: 400, field } });
    }
  }

  // The journey's input rules: a crime report from an agency that takes none, and implausible instants.
  for (const agency of AGENCIES.filter((agency) => agency !== 'Police')) {
    post('reporting agency', `crime report from ${agency}`, '/cases', withValueAt(report(), ['agency'], agency), { status: 403, field: 'type' });
  }
  for (const instant of IMPLAUSIBLE) {
    for (const [what, path, make, at] of [
      ['crime report', '/cases', report, ['occurredAt']],
      ['crime report', '/cases', report, ['receivedAt']],
      ['listing', events, () => handoff('HearingListed'), ['occurredAt']],
      ['listing', events, () => handoff('HearingListed'), ['data', 'scheduledFor']],
      ['court notice', events, () => handoff('CourtNoticeReceived'), ['receivedAt']],
      ['correction', events, () => handoff('EventCorrected'), ['data', 'occurredAt']],
      ['enhanced rights', events, () => withValueAt(handoff('EnhancedRightsRecognised'), ['data', 'grounds', 0, 'decidedAt'], '2025-03-04T10:30:00Z'), ['data', 'grounds', 0, 'decidedAt']],
    ] as Array<[string, string, () => Json, Segment[]]>) {
      post('implausible instant', `${what} ${notation(at)} ${instant}`, path, withValueAt(make(), at, instant), { status: 400, field: notation(at) });
    }
  }
  // Refused after the victims' details were sealed: no key may stay behind.
  const newVictim = (victimId: string) => ({ ...CRIME_REPORT_EXAMPLE.victims[0], victimId });
  post('keys of a refused record', 'crime report in the future, two new victims', '/cases', withValueAt(withValueAt(report(), ['occurredAt'], FUTURE), ['victims'], [newVictim('4b6a1c2e-0000-4000-8000-000000000001'), newVictim('4b6a1c2e-0000-4000-8000-000000000002')]), { status: 422, rule: 'not-in-the-future' });
  // Sent by a CPS officer: the access rules refuse it (403) before the journey's rule would (422).
  post('keys of a refused record', 'crime report from the CPS', '/cases', withValueAt(report(), ['agency'], 'CPS'), { status: 403, field: 'type' });
  post('keys of a refused record', 'victim registered in the future', events, withValueAt(withValueAt(handoff('VictimRegistered'), ['occurredAt'], FUTURE), ['data', 'victim', 'victimId'], '4b6a1c2e-0000-4000-8000-000000000003'), { status: 422, rule: 'not-in-the-future' });
  post('keys of a refused record', 'victim registered twice', events, withValueAt(handoff('VictimRegistered'), ['data', 'victim', 'victimId'], EXAMPLE_IDS.victim), { status: 422, rule: 'victim-id-must-be-unique' });

  // Re-deliveries of the seeded records under their own keys, saying something else.
  const resent = (type: HandoffType) => clone(HANDOFF_EXAMPLES[type]) as unknown as Json;
  for (const [type, at, value, differs] of [
    ['VictimInformed', ['data', 'channel'], 'email', 'data.channel'],
    ['VictimInformed', ['occurredAt'], '2025-03-06T09:01:00Z', 'occurredAt'],
    ['SuspectEventRecorded', ['data', 'conditions', 0], 'not to leave the county', 'data.conditions'],
    ['HearingListed', ['data', 'court'], 'Watford Crown Court', 'data.court'],
    ['CourtNoticeReceived', ['receivedAt'], '2025-04-03T08:10:00Z', 'receivedAt'],
    ['VictimRegistered', ['data', 'victim', 'contactName'], 'Ravi Patil', 'data.victim (sealed details)'],
  ] as Array<[HandoffType, Segment[], string, string]>) {
    post('conflicting re-delivery', `${type} ${notation(at)} changed`, events, withValueAt(resent(type), at, value), { status: 422, rule: 'record-key-reused', field: differs });
  }
  // Re-sent as another agency's, it is that agency's to send, and the CPS does not submit Police files: 403 before any comparison.
  post('conflicting re-delivery', 'FileSubmittedToCps agency changed', events, withValueAt(resent('FileSubmittedToCps'), ['agency'], 'CPS'), { status: 403, field: 'type' });
  const seededReport = clone(CRIME_REPORT_EXAMPLE) as unknown as Json;
  post('conflicting re-delivery', 'crime report area changed', '/cases', withValueAt(seededReport, ['area'], 'Bedfordshire'), { status: 422, rule: 'record-key-reused', field: 'area' });
  post('conflicting re-delivery', "crime report victim's name changed", '/cases', withValueAt(seededReport, ['victims', 0, 'name'], 'Joanna Kowalski'), { status: 422, rule: 'record-key-reused', field: 'victims[0] (sealed details)' });
  const { sourceSystem: _system, sourceReference: _reference, ...keyed } = HANDOFF_EXAMPLES.VictimInformed;
  post('conflicting re-delivery', 'Idempotency-Key with another topic', events, { ...keyed, data: { ...keyed.data, topic: 'charge-decision' } }, { status: 422, rule: 'record-key-reused', field: 'data.topic' }, { 'idempotency-key': SEEDED_IDEMPOTENCY_KEY });
  const { sourceSystem, sourceReference } = HANDOFF_EXAMPLES.VictimInformed;
  post('conflicting re-delivery', 'a key used for another kind of record', events, { ...(resent('WitnessRequired') as object), sourceSystem, sourceReference }, { status: 422, rule: 'record-key-reused', field: 'type' });

  return attempts;
}

/** The key under which the seeded case holds a contact sent without a source reference. */
export const SEEDED_IDEMPOTENCY_KEY = 'wcu-call-0001';
