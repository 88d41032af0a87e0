import { londonDate, londonInstant } from './london-time';
import { MappingError, recordOf, RowFault, validatedMapping } from './mapping';
import { loadMapping } from './shipped-mappings';

describe('London wall-clock times of an extract', () => {
  it('reads winter times as UTC and summer times an hour behind, in both date orders', () => {
    expect(londonInstant('15/01/2025 09:30')).toBe('2025-01-15T09:30:00.000Z');
    expect(londonInstant('2025-07-15 09:30:15')).toBe('2025-07-15T08:30:15.000Z');
  });

  it('takes the first of the hour that happens twice when the clocks go back, and refuses the hour that never happens when they go forward', () => {
    // 26 October 2025: 02:00 BST became 01:00 GMT, so 01:30 came at 00:30 UTC and again at 01:30 UTC.
    expect(londonInstant('26/10/2025 01:30')).toBe('2025-10-26T00:30:00.000Z');
    expect(londonInstant('26/10/2025 02:30')).toBe('2025-10-26T02:30:00.000Z');
    // 30 March 2025: 01:00 GMT became 02:00 BST.
    expect(londonInstant('30/03/2025 01:30')).toEqual({ problem: '30/03/2025 01:30 never happened in London: the clocks went forward an hour' });
    expect(londonInstant('30/03/2025 02:00')).toBe('2025-03-30T01:00:00.000Z');
  });

  it('refuses what is no time, and reads dates of birth', () => {
    expect(londonInstant('31/02/2025 10:00')).toEqual({ problem: '"31/02/2025 10:00" is not a real date and time' });
    expect(londonInstant('yesterday')).toMatchObject({ problem: expect.stringContaining('is not a London time') });
    expect(londonDate('03/02/1990')).toBe('1990-02-03');
    expect(londonDate('1990-02-30')).toEqual({ problem: '"1990-02-30" is not a real date' });
  });
});

describe('a mapping', () => {
  it('is checked whole when loaded: every problem is listed', () => {
    const broken = {
      name: 'x',
      description: 'broken',
      sourceSystem: 'S',
      agency: 'Constabulary',
      recordType: { $column: 'Kind', $codes: { A: 'CrimeReported', B: 'Teleported' } },
      records: { CrimeReported: { occurredAt: { $column: 'When', $as: 'sundial' }, area: { $column: 'Area', $value: 'X' } } },
    };
    expect(() => validatedMapping(broken, 'x')).toThrow(MappingError);
    try {
      validatedMapping(broken, 'x');
    } catch (error) {
      expect((error as MappingError).problems).toEqual([
        'agency must be one of Police, CPS, HMCTS, WCU, Probation, VictimSupport, YOT, Prison',
        'recordType.$codes: Teleported is not a record type of the catalogue',
        'records.CrimeReported.occurredAt.$as must be one of text, london-time, date, integer, list',
        'records.CrimeReported.area: exactly one of $column, $value, $caseOf, $victimOf (found $column, $value)',
        'records has no template for Teleported, which recordType names',
      ]);
    }
  });

  it('refuses a row with a code it does not know, naming the column', () => {
    const mapping = loadMapping('police-crime-extract');
    const row = { 'Record Type': 'CONTACT', 'Crime Ref': 'R1', 'Entry Ref': 'R1-C1', 'When (London)': '15/07/2025 09:30', 'Victim Ref': 'V1', Topic: 'CONF', Channel: 'PIGEON' };
    expect(() => recordOf(mapping, row)).toThrow(new RowFault('Channel', 'code "PIGEON" is not one of TEL, EML, LTR, SMS, F2F'));
    expect(() => recordOf(mapping, { ...row, 'Record Type': 'ARREST' })).toThrow(new RowFault('Record Type', 'code "ARREST" is not one of CRIME, CONTACT'));
  });

  it('ships the police and court extracts, each valid', () => {
    expect(loadMapping('police-crime-extract').sourceSystem).toBe('Athena');
    expect(loadMapping('court-results').agency).toBe('HMCTS');
  });
});
