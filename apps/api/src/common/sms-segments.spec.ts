import { countSegments } from './sms-segments';

describe(countSegments.name, () => {
  it('should count one GSM-7 segment up to 160 characters', () => {
    expect(countSegments('a'.repeat(160))).toEqual({
      encoding: 'GSM-7', units: 160, segments: 1, perSegment: 160,
    });
  });

  it('should split GSM-7 into 153-character segments above 160', () => {
    expect(countSegments('a'.repeat(161)).segments).toBe(2);
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('should count extension characters as two septets', () => {
    expect(countSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('€'.repeat(81)).segments).toBe(2);
  });

  it('should switch the whole text to UCS-2 when one character is outside GSM-7', () => {
    expect(countSegments('Biscuit is ready 🐶')).toMatchObject({ encoding: 'UCS-2', units: 19, segments: 1, perSegment: 70 });
    expect(countSegments('é'.repeat(70) + '✓').segments).toBe(2);
  });

  it('should count an empty text as one segment', () => {
    expect(countSegments('').segments).toBe(1);
  });
});
