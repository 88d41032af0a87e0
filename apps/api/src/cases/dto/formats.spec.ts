import { londonDayOf } from '@case-journey/victims-code';
import { inUtc, isCalendarDate, isInstant, isPhoneNumber, isUrn, textFault } from './formats';

describe('the text formats the API accepts', () => {
  describe('an instant', () => {
    it.each(['2025-03-03T21:40:00Z', '2025-03-03T21:40Z', '2025-03-03T21:40:00.123Z', '2025-06-16T10:30:00+01:00', '2025-06-16T10:30:00+0100', '2025-06-16T04:00:00-05:30'])(
      'accepts %s, which names its zone',
      (value) => expect(isInstant(value)).toBe(true),
    );

    it.each([
      ['no zone', '2025-03-03T21:40:00'],
      ['a date alone', '2025-03-03'],
      ['a space for the T', '2025-03-03 21:40:00Z'],
      ['a day that does not exist', '2025-02-29T10:00:00Z'],
      ['an hour-only offset', '2025-06-16T10:30:00+01'],
      ['a second out of range', '2025-03-03T21:40:60Z'],
      ['a number', 1741038000000],
    ])('rejects %s', (_why, value) => expect(isInstant(value)).toBe(false));

    it('is stored in UTC', () => {
      expect(inUtc('2025-06-16T10:30:00+01:00')).toBe('2025-06-16T09:30:00.000Z');
      expect(inUtc('2025-06-16T10:30:00+0100')).toBe('2025-06-16T09:30:00.000Z');
    });
  });

  describe('a calendar date', () => {
    it('accepts a real day and rejects one that is not, or that carries a time', () => {
      expect(isCalendarDate('2024-02-29')).toBe(true);
      expect(isCalendarDate('2025-02-29')).toBe(false);
      expect(isCalendarDate('2025-03-03T00:00:00Z')).toBe(false);
      expect(isCalendarDate('3/3/2025')).toBe(false);
    });

    it('is judged against the London day: 23:30 UTC in summer is already tomorrow', () => {
      expect(londonDayOf(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
      expect(londonDayOf(new Date('2025-01-31T23:30:00Z'))).toBe('2025-01-31');
    });
  });

  it('takes a URN as 2 digits, 2 letters and 7 digits', () => {
    expect(isUrn('01AB2345624')).toBe(true);
    expect(isUrn('01ab2345624')).toBe(false);
    expect(isUrn('01AB234562')).toBe(false);
    expect(isUrn('1AB23456240')).toBe(false);
  });

  it.each(['07700 900123', '+44 (0)7700 900123', '01727-796000', '+353 1 234 5678'])('takes the phone number %s as it arrives', (value) =>
    expect(isPhoneNumber(value)).toBe(true),
  );

  it.each(['07700 9OO123', 'call 07700 900123', '12345', '+44 7700 900123 ext 4567 8'])('rejects the phone number %s', (value) =>
    expect(isPhoneNumber(value)).toBe(false),
  );

  it('finds text no store can hold: a NUL, or half of a surrogate pair alone; a whole pair is fine', () => {
    expect(textFault('Joanna Kowalska \ud83d\ude00 é')).toBeUndefined();
    expect(textFault('')).toBeUndefined();
    expect(textFault('a\u0000b')).toBe('must not contain a NUL character (\\u0000)');
    expect(textFault('\ud800')).toBe('must be well-formed Unicode: it holds half of a surrogate pair alone');
    expect(textFault('x\udfff')).toMatch(/surrogate/);
    expect(textFault('\ude00\ud83d')).toMatch(/surrogate/);
  });
});
