import { plainToInstance } from 'class-transformer';
import { checkShape, instantsBefore } from './body-shape';
import { HANDOFF_EXAMPLES } from './examples';
import { RecordHandoffDto } from './record-handoff.dto';
import { ReportCrimeDto } from './report-crime.dto';
import { CRIME_REPORT_EXAMPLE } from './examples';

/** A plain object holding `key` as its own property, as JSON.parse gives it, even for `__proto__`. */
const holding = (key: string, value: unknown, into: object = {}): Record<string, unknown> =>
  Object.defineProperty({ ...into }, key, { value, enumerable: true, writable: true, configurable: true }) as Record<string, unknown>;

const report = (): Record<string, unknown> => structuredClone(CRIME_REPORT_EXAMPLE) as unknown as Record<string, unknown>;
const fields = (check: { errors: Array<{ field: string }> }) => check.errors.map((error) => error.field);

describe('the shape of a body, judged before class-transformer', () => {
  it('passes a valid body, its nested objects and lists included', () => {
    expect(checkShape(report(), ReportCrimeDto)).toEqual({ errors: [], total: 0, declaredPart: report() });
    expect(checkShape(structuredClone(HANDOFF_EXAMPLES.ChargesAltered) as never, RecordHandoffDto).total).toBe(0);
  });

  it.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf'])('names the field %s wherever it is, which class-transformer skipped', (name) => {
    const body = report();
    body.offence = holding(name, 1, body.offence as object);
    (body.victims as object[])[0] = holding(name, {}, (body.victims as object[])[0]);
    expect(fields(checkShape(holding(name, 'x', body), ReportCrimeDto)).sort()).toEqual([name, `offence.${name}`, `victims[0].${name}`].sort());
  });

  it('names a built-in name under a field that holds a value, and under a free-form object', () => {
    const body = { ...report(), recordedBy: holding('constructor', 1) };
    expect(checkShape(body, ReportCrimeDto).errors).toEqual([
      { field: 'recordedBy.constructor', messages: ['constructor is the name of a built-in property of every object, never a field'] },
    ]);
    const correction = { ...HANDOFF_EXAMPLES.EventCorrected, data: { ...HANDOFF_EXAMPLES.EventCorrected.data, data: holding('prototype', {}) } };
    expect(fields(checkShape(correction as never, RecordHandoffDto))).toEqual(['data.data.prototype']);
  });

  it("judges a handoff's data by its type's payload, and as free-form when the type is unknown", () => {
    const listing = { ...HANDOFF_EXAMPLES.HearingListed, data: { ...HANDOFF_EXAMPLES.HearingListed.data, room: 3 } };
    expect(fields(checkShape(listing as never, RecordHandoffDto))).toEqual(['data.room']);
    expect(checkShape({ ...listing, type: 'HearingCancelled' } as never, RecordHandoffDto).total).toBe(0);
  });

  it('refuses NUL and lone surrogates in every text and every free-form key, and passes a whole surrogate pair', () => {
    const body = { ...report(), area: 'Kent\u0000', offence: { description: 'Theft \ud83d\ude00', category: 'theft', code: '\udc00' } };
    expect(checkShape(body, ReportCrimeDto).errors).toEqual([
      { field: 'area', messages: ['area must not contain a NUL character (\\u0000)'] },
      { field: 'offence.code', messages: ['code must be well-formed Unicode: it holds half of a surrogate pair alone'] },
    ]);
    const correction = { ...HANDOFF_EXAMPLES.EventCorrected, data: { ...HANDOFF_EXAMPLES.EventCorrected.data, data: { 'court\ud800': 'x' } } };
    expect(fields(checkShape(correction as never, RecordHandoffDto))).toEqual(['data.data.court\ud800']);
  });

  it('refuses a list longer than its field allows without judging its items, and an item of a list of objects that is not one', () => {
    const crowded = { ...report(), victims: Array.from({ length: 51 }, () => holding('__proto__', 1)) };
    expect(checkShape(crowded, ReportCrimeDto).errors).toEqual([{ field: 'victims', messages: ['victims must contain no more than 50 elements, not 51'] }]);
    const charges = { ...HANDOFF_EXAMPLES.ChargesAltered, data: { ...HANDOFF_EXAMPLES.ChargesAltered.data, charges: [[], 'CHG-1'] } };
    expect(fields(checkShape(charges as never, RecordHandoffDto))).toEqual(['data.charges[0]', 'data.charges[1]']);
  });

  it('gives the declared part without what it refused, for class-transformer to judge safely', () => {
    const body = holding('__proto__', { polluted: true }, { ...report(), nickname: 'x', victims: Array(51).fill({}), offence: holding('constructor', 1, { description: 'Theft', category: 'theft' }) });
    const { declaredPart } = checkShape(body, ReportCrimeDto);
    const expected: Record<string, unknown> = { ...report(), offence: { description: 'Theft', category: 'theft' } };
    delete expected.victims;
    expect(declaredPart).toEqual(expected);
    expect(Object.getPrototypeOf(declaredPart)).toBe(Object.prototype);
  });

  it('lists the first 50 findings and counts them all', () => {
    const body = { ...report(), ...Object.fromEntries(Array.from({ length: 120 }, (_, index) => [`extra${index}`, index])) };
    const check = checkShape(body, ReportCrimeDto);
    expect(check.total).toBe(120);
    expect(check.errors).toHaveLength(50);
    expect(check.errors[49].field).toBe('extra49');
  });

  it('names a key of 100,000 characters by its first 64', () => {
    const key = 'k'.repeat(100_000);
    expect(fields(checkShape(holding(key, 1, report()), ReportCrimeDto))).toEqual([`${'k'.repeat(64)}…`]);
  });
});

describe('instants before the earliest a handoff may have', () => {
  const EARLIEST = '1990-01-01T00:00:00.000Z';
  const validated = (body: object) => plainToInstance(ReportCrimeDto, body);

  it('names each, in UTC, and passes the earliest itself', () => {
    const body = validated({ ...CRIME_REPORT_EXAMPLE, occurredAt: '1989-12-31T23:59:59.999Z', receivedAt: '1990-01-01T00:30:00+01:00' });
    expect(instantsBefore(EARLIEST, body, ReportCrimeDto)).toEqual([
      { field: 'occurredAt', messages: ['occurredAt 1989-12-31T23:59:59.999Z is before 1990-01-01T00:00:00.000Z, the earliest instant a handoff may have: it cannot be right'] },
      { field: 'receivedAt', messages: [expect.stringContaining('receivedAt 1989-12-31T23:30:00.000Z is before')] },
    ]);
    expect(instantsBefore(EARLIEST, validated({ ...CRIME_REPORT_EXAMPLE, occurredAt: EARLIEST, receivedAt: EARLIEST }), ReportCrimeDto)).toEqual([]);
  });

  it('compares an instant not yet put in UTC as its UTC instant, not as text', () => {
    // Given a report whose instants were set after its transform: one an hour ahead of UTC, one in UTC with no milliseconds
    const body = Object.assign(validated(CRIME_REPORT_EXAMPLE), { occurredAt: '1990-01-01T00:30:00+01:00', receivedAt: '1989-12-31T23:59:59Z' });
    // When its instants are checked, then both are before 1990-01-01T00:00Z (23:30 and 23:59:59 the day before), though the first reads later as text
    expect(instantsBefore(EARLIEST, body, ReportCrimeDto).map((error) => error.field)).toEqual(['occurredAt', 'receivedAt']);
  });

  it("finds them in a handoff's data, at any depth, and leaves dates of birth alone", () => {
    const grounds = plainToInstance(RecordHandoffDto, { ...HANDOFF_EXAMPLES.EnhancedRightsRecognised });
    Object.assign(grounds, { data: { victimId: 'v', grounds: [{ ground: 'intimidated', decidedAt: '0000-01-01T00:00:00.000Z' }] } });
    expect(instantsBefore(EARLIEST, grounds, RecordHandoffDto).map((error) => error.field)).toEqual(['data.grounds[0].decidedAt']);
    const elderly = validated({ ...CRIME_REPORT_EXAMPLE, victims: [{ ...CRIME_REPORT_EXAMPLE.victims[0], dateOfBirth: '1920-01-01' }] });
    expect(instantsBefore(EARLIEST, elderly, ReportCrimeDto)).toEqual([]);
  });
});
