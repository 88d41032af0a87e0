import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { SqliteEventStore } from '@case-journey/event-store';
import { InMemoryVictimKeyStore } from '@case-journey/personal-data';
import { loadConfiguration } from '@case-journey/platform';
import { TestIssuer } from '../../../apps/api/src/access/testing/test-issuer';
import { HANDOFF_EXAMPLES, HANDOFF_TYPES } from '../../../apps/api/src/cases/dto';
import { createApi } from '../../../apps/api/src/create-api';
import { dataOf, fieldsOf, formFieldOf, type HandoffField, type Schemas } from '../../../apps/web/src/pages/record-handoff/handoff-forms';
import { instantOf } from '../../../apps/web/src/pages/when-field';

const LATER = new Date('2100-01-01T00:00:00Z');
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const londonParts = (instant: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return { day: parts.day, month: parts.month, year: parts.year, time: `${parts.hour}:${parts.minute}` };
};
const valueAt = (data: unknown, path: readonly string[]) => path.reduce<unknown>((into, part) => (into as Record<string, unknown> | undefined)?.[part], data);

/** What a person would type into each field to record `data`, as a browser sends the form. */
function answersFor(fields: readonly HandoffField[], data: object): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {};
  for (const field of fields) {
    const value = valueAt(data, field.path);
    if (value === undefined) continue;
    if (field.kind === 'instant') for (const [part, text] of Object.entries(londonParts(value as string))) answers[`${field.id}-${part}`] = text;
    else if (field.kind === 'checkboxes') answers[field.id] = value as string[];
    else if (field.kind === 'lines') answers[field.id] = (value as string[]).join('\r\n');
    else if (field.kind === 'json') answers[field.id] = JSON.stringify(value);
    else answers[field.id] = String(value);
  }
  return answers;
}

/** The example as the form can send it: instants to the millisecond in UTC, and a list of records cut to its first (the form offers one). */
function asTheFormSends(value: unknown, fields: readonly HandoffField[], path: string[] = []): unknown {
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return new Date(value).toISOString();
  if (Array.isArray(value)) {
    const ofRecords = fields.some((field) => field.list && field.list.path.join('.') === path.join('.'));
    return (ofRecords ? value.slice(0, 1) : value).map((item, i) => asTheFormSends(item, fields, [...path, String(i)]));
  }
  if (typeof value === 'object' && value !== null && !fields.some((field) => field.kind === 'json' && field.path.join('.') === path.join('.'))) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asTheFormSends(inner, fields, [...path, key])]));
  }
  return value;
}

/**
 * The record-a-handoff form is built from the API's own description of each record (its OpenAPI
 * document): for every handoff type the API accepts, the form filled in as a person would, with the
 * values of the API's example of that type, sends the example's data.
 */
describe("the handoff form, from the API's description of every handoff", () => {
  let issuer: TestIssuer;
  let api: INestApplication;
  let schemas: Schemas;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    const configuration = loadConfiguration({ REDIS_KEY_PREFIX: `cj-handoff-forms-${process.pid}`, LOG_LEVEL: 'warn', ...issuer.environment });
    api = await createApi(configuration, { eventStore: SqliteEventStore.inMemory({ pollIntervalMs: 10 }), victimKeyStore: new InMemoryVictimKeyStore() });
    await api.listen(0, '127.0.0.1');
    const answer = await fetch(`http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}/docs-json`);
    schemas = ((await answer.json()) as { components: { schemas: Schemas } }).components.schemas;
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await issuer?.stop();
  });

  it.each(HANDOFF_TYPES.map((type) => [type]))('%s: the example, typed into the form, is the data sent', (type) => {
    const fields = fieldsOf(schemas[`${type}Dto`], schemas);
    expect(fields.length).toBeGreaterThan(0);
    const example = HANDOFF_EXAMPLES[type].data as object;
    const { data, problems } = dataOf(fields, answersFor(fields, example), (parts) => instantOf(parts, LATER));
    expect(problems).toEqual({});
    expect(data).toEqual(asTheFormSends(example, fields));
  });

  it("puts the API's errors beside the fields that sent them, however deep", () => {
    const fields = fieldsOf(schemas.ChargeDecisionMadeDto, schemas);
    expect(formFieldOf(fields, 'data.charges[0].offence.category')).toBe('data-charges-0-offence-category');
    expect(formFieldOf(fields, 'data.charges')).toBe('data-charges-0-chargeId');
    expect(formFieldOf(fields, 'occurredAt')).toBe('when-day');
    expect(formFieldOf(fields, 'sourceReference')).toBeUndefined();
  });

  it('sends an empty list of charges when none is given (a decision not to charge), and a required record left empty as nothing', () => {
    const fields = fieldsOf(schemas.ChargeDecisionMadeDto, schemas);
    expect(dataOf(fields, { 'data-decision': 'no-further-action', 'data-decidedBy': 'CPS' }, (parts) => instantOf(parts, LATER)).data).toEqual({ decision: 'no-further-action', decidedBy: 'CPS', charges: [] });
  });

  it('says so beside the field when a date is no date or a JSON field is no JSON, before anything is sent', () => {
    const corrected = fieldsOf(schemas.EventCorrectedDto, schemas);
    const { problems } = dataOf(corrected, { 'data-data': '{court:', 'data-occurredAt-day': '31', 'data-occurredAt-month': '2', 'data-occurredAt-year': '2025', 'data-occurredAt-time': '10:00' }, (parts) => instantOf(parts, LATER));
    expect(Object.keys(problems).sort()).toEqual(['data-data', 'data-occurredAt-day']);
  });
});
