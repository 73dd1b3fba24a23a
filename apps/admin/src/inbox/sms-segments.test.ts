import { countSegments, countSmsSegments } from './sms-segments';

// The same cases as libs/messaging-provider/src/sms-segments.spec.ts: the copy must not drift.
describe(countSmsSegments.name, () => {
  it.each([
    ['an empty body', '', 1],
    ['160 GSM-7 characters', 'a'.repeat(160), 1],
    ['161 GSM-7 characters', 'a'.repeat(161), 2],
    ['306 GSM-7 characters (two full parts of 153)', 'a'.repeat(306), 2],
    ['307 GSM-7 characters', 'a'.repeat(307), 3],
    ['80 euro signs (two septets each)', '€'.repeat(80), 1],
    ['81 euro signs', '€'.repeat(81), 2],
    ['70 characters outside GSM-7', '猫'.repeat(70), 1],
    ['71 characters outside GSM-7', '猫'.repeat(71), 2],
    ['a GSM-7 text with one emoji (the whole text becomes UCS-2)', `${'a'.repeat(69)}🐶`, 2],
  ])('should count the segments when the body is %s', (_case, body, segments) => {
    expect(countSmsSegments(body)).toBe(segments);
  });
});

describe(countSegments.name, () => {
  it('should report the encoding, the units counted and the units per segment for the composer', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1, perSegment: 160 });
    expect(countSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2, perSegment: 153 });
    expect(countSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160 });
    expect(countSegments('Biscuit is ready 🐶')).toEqual({ encoding: 'UCS-2', units: 19, segments: 1, perSegment: 70 });
    expect(countSegments('é'.repeat(70) + '✓')).toEqual({ encoding: 'UCS-2', units: 71, segments: 2, perSegment: 67 });
  });
});
