import { londonDayOf } from '@case-journey/victims-code';
import { validateCrimeReport, type FieldError } from './body-validation';
import { CRIME_REPORT_EXAMPLE } from './examples';
import { ReportCrimeDto } from './report-crime.dto';
import { VictimDto } from './victim.dto';

type Body = Record<string, unknown>;

const report = (changes: Body = {}): Body => ({ ...structuredClone(CRIME_REPORT_EXAMPLE), ...changes });
const withVictim = (victim: Body): Body => report({ victims: [victim] });
const person = (changes: Body = {}): Body => ({ ...structuredClone(CRIME_REPORT_EXAMPLE.victims[0]), ...changes });
const without = (body: Body, ...fields: string[]): Body => Object.fromEntries(Object.entries(body).filter(([key]) => !fields.includes(key)));

async function errorsFor(body: unknown): Promise<FieldError[]> {
  const result = await validateCrimeReport(body);
  if (result.ok) throw new Error('expected the crime report to be refused');
  return result.errors;
}
const fieldsAtFault = async (body: unknown): Promise<string[]> => (await errorsFor(body)).map((error) => error.field);

describe('POST /cases body: a crime report', () => {
  it('given the example report, when validated, then it is accepted as DTOs with its instants in UTC', async () => {
    const result = await validateCrimeReport(report({ occurredAt: '2025-06-16T22:40:00+01:00' }));

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toBeInstanceOf(ReportCrimeDto);
    expect(result.value.victims[0]).toBeInstanceOf(VictimDto);
    expect(result.value.occurredAt).toBe('2025-06-16T21:40:00.000Z');
    expect(result.value.victims[0].name).toBe('Joanna Kowalska');
  });

  describe('a victim', () => {
    it('who is a person needs a date of birth or an age band', async () => {
      const errors = await errorsFor(withVictim(without(person(), 'dateOfBirth')));

      expect(errors).toEqual([
        {
          field: 'victims[0].dateOfBirth',
          messages: ['dateOfBirth is required for a person unless ageBand is given: age at the offence decides the under-18 enhanced right'],
        },
      ]);
    });

    it('who is a person may give an age band alone', async () => {
      expect((await validateCrimeReport(withVictim(without(person({ ageBand: '25-34' }), 'dateOfBirth')))).ok).toBe(true);
    });

    it('that is a bereaved family needs no age', async () => {
      expect((await validateCrimeReport(withVictim(without(person({ kind: 'bereaved-family' }), 'dateOfBirth')))).ok).toBe(true);
    });

    it('that is a business needs a named point of contact', async () => {
      const business = { kind: 'business', name: 'Park Street Convenience Ltd', contactPreference: 'email', consentToReferral: false };

      expect(await fieldsAtFault(report({ victims: [person(), business] }))).toEqual(['victims[1].contactName']);
      expect((await validateCrimeReport(report({ victims: [person(), { ...business, contactName: 'Ravi Patel' }] }))).ok).toBe(true);
    });

    it('cannot be born tomorrow, nor on a day that does not exist', async () => {
      const tomorrow = londonDayOf(new Date(Date.now() + 86_400_000));

      expect(await errorsFor(withVictim(person({ dateOfBirth: tomorrow })))).toEqual([
        { field: 'victims[0].dateOfBirth', messages: ['dateOfBirth must not be in the future'] },
      ]);
      expect(await fieldsAtFault(withVictim(person({ dateOfBirth: '1987-02-29' })))).toEqual(['victims[0].dateOfBirth']);
    });

    it.each([
      ['email', { email: 'not-an-address' }],
      ['phone', { phone: '07700 9OO123' }],
      ['victimId', { victimId: 'victim-1' }],
      ['contactPreference', { contactPreference: 'fax' }],
      ['consentToReferral', { consentToReferral: 'yes' }],
      ['enhancedGrounds', { enhancedGrounds: ['unlucky'] }],
      ['enhancedGrounds', { enhancedGrounds: ['intimidated', 'intimidated'] }],
      ['optOuts', { optOuts: 'all' }],
      ['ethnicity', { ethnicity: 'british' }],
      ['nickname', { nickname: 'Jo' }],
    ])('with a bad %s is refused, naming the field inside the list', async (field, changes) => {
      expect(await fieldsAtFault(withVictim(person(changes)))).toEqual([`victims[0].${field}`]);
    });
  });

  it('needs at least one victim', async () => {
    expect(await errorsFor(report({ victims: [] }))).toEqual([{ field: 'victims', messages: ['victims must contain at least 1 elements'] }]);
    expect(await errorsFor(without(report(), 'victims'))).toEqual([{ field: 'victims', messages: ['victims is required'] }]);
  });

  it('names a nested field by its full path', async () => {
    expect(await fieldsAtFault(report({ offence: { description: 'Robbery', category: 'mugging' } }))).toEqual(['offence.category']);
  });

  it('refuses a source reference without its source system, and the other way round', async () => {
    expect(await fieldsAtFault(without(report(), 'sourceSystem'))).toEqual(['sourceSystem']);
    expect(await fieldsAtFault(without(report(), 'sourceReference'))).toEqual(['sourceReference']);
    expect((await validateCrimeReport(without(report(), 'sourceSystem', 'sourceReference'))).ok).toBe(true);
  });

  it.each([
    ['occurredAt', { occurredAt: '2025-03-03T21:40:00' }],
    ['receivedAt', { receivedAt: '2025-03-03' }],
    ['receivedAt', { receivedAt: null }],
    ['urn', { urn: '01-AB-2345624' }],
    ['caseId', { caseId: '12345' }],
    ['area', { area: '' }],
    ['agency', { agency: 'MI5' }],
    ['colour', { colour: 'blue' }],
  ])('refuses a bad %s', async (field, changes) => {
    expect(await fieldsAtFault(report(changes))).toEqual([field]);
  });

  it('reports every fault at once', async () => {
    const fields = await fieldsAtFault(report({ occurredAt: 'yesterday', area: 7, victims: [person({ email: 'x' })] }));

    expect(fields.sort()).toEqual(['area', 'occurredAt', 'victims[0].email']);
  });

  it.each([null, [], 'a report', 42])('refuses a body that is not an object (%p)', async (body) => {
    expect(await errorsFor(body)).toEqual([{ field: 'body', messages: ['body must be a JSON object'] }]);
  });

  describe('names, areas and references', () => {
    it.each(['', ' ', '  \t\n', '\u00a0\u3000'])('given %j, when validated, then it is refused as empty: it says nothing', async (blank) => {
      const errors = await errorsFor(report({ area: blank, recordedBy: blank, offence: { ...CRIME_REPORT_EXAMPLE.offence, description: blank }, victims: [person({ name: blank })] }));
      expect(errors).toEqual(
        ['area', 'offence.description', 'victims[0].name', 'recordedBy'].map((field) => ({
          field,
          messages: [`${field.split('.').pop()} must not be empty or only spaces`],
        })),
      );
    });

    it('given text with spaces around it, when validated, then it is accepted as sent', async () => {
      const result = await validateCrimeReport(report({ area: ' Hertfordshire ' }));
      expect(result.ok && result.value.area).toBe(' Hertfordshire ');
    });
  });

  describe('its instants', () => {
    const rules = { earliestInstant: '1990-01-01T00:00:00.000Z' };

    it('given one before the earliest a handoff may have, when validated, then it is refused as implausible', async () => {
      const result = await validateCrimeReport(report({ occurredAt: '0000-01-01T00:00:00Z' }), rules);
      expect(!result.ok && result.errors).toEqual([{ field: 'occurredAt', messages: [expect.stringMatching(/^occurredAt 0000-01-01T00:00:00.000Z is before 1990-01-01/)] }]);
    });

    it('given no earliest set, or a victim born before it, when validated, then it is accepted', async () => {
      expect((await validateCrimeReport(report({ occurredAt: '1970-01-01T00:00:00Z' }))).ok).toBe(true);
      expect((await validateCrimeReport(withVictim(person({ dateOfBirth: '1931-05-02' })), rules)).ok).toBe(true);
    });
  });
});
