import { countSmsSegments } from './sms-segments';

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
