// GSM 03.38 basic set: a text made only of these (and the extension set) is sent as GSM-7.
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Extension characters take an escape plus the character: two septets each.
const GSM7_EXTENSION = '^{}\\[~]|€\f';

const GSM7_SINGLE = 160;
const GSM7_MULTI = 153;
const UCS2_SINGLE = 70;
const UCS2_MULTI = 67;

/**
 * How many SMS segments a body takes (TWILIO.md §4.5). Used where no carrier counts for us
 * (the simulator, the fake Twilio server), so the per-number segment rate still means something.
 */
export function countSmsSegments(body: string): number {
  const characters = Array.from(body);
  if (characters.length === 0) return 1;
  let septets = 0;
  for (const character of characters) {
    if (GSM7_BASIC.includes(character)) septets += 1;
    else if (GSM7_EXTENSION.includes(character)) septets += 2;
    else return countUcs2Segments(body);
  }
  return septets <= GSM7_SINGLE ? 1 : Math.ceil(septets / GSM7_MULTI);
}

function countUcs2Segments(body: string): number {
  // UCS-2 counts UTF-16 code units: an emoji outside the BMP takes two.
  return body.length <= UCS2_SINGLE ? 1 : Math.ceil(body.length / UCS2_MULTI);
}
