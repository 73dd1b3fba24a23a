import { formatPhoneForPeople, toE164 } from './phone';

describe(toE164.name, () => {
  it.each([
    ['+12175550101', '+12175550101'],
    ['2175550101', '+12175550101'],
    ['(217) 555-0101', '+12175550101'],
    ['217.555.0101', '+12175550101'],
    ['1-217-555-0101', '+12175550101'],
    [' +1 217 555 0101 ', '+12175550101'],
    ['+18444073300', '+18444073300'],
    ['1-844-407-3300', '+18444073300'],
    ['+447911123456', '+447911123456'],
  ])('should normalise %p to %p', (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });

  it.each([[''], ['   '], ['hello'], ['12345'], ['+1 000 000 0000'], [undefined], [null], ['2'.repeat(40)]])(
    'should return null when the input %p is not a phone number',
    (input) => {
      expect(toE164(input as string)).toBeNull();
    },
  );
});

describe(formatPhoneForPeople.name, () => {
  it('should format a US number the way the front desk writes it', () => {
    expect(formatPhoneForPeople('+12175550101')).toBe('(217) 555-0101');
  });

  it('should format a foreign number internationally', () => {
    expect(formatPhoneForPeople('+447911123456')).toBe('+44 7911 123456');
  });
});
