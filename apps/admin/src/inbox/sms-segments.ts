// A copy of libs/messaging-provider/src/sms-segments.ts (the web app cannot import the Nest lib):
// keep the two in step. The composer's counter must agree with what the outbox is billed for.
// GSM 03.38 basic set and the extension table (extension characters take two septets).
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';
const BASIC = new Set(Array.from(GSM7_BASIC));
const EXTENDED = new Set(Array.from(GSM7_EXTENDED));

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters as the counter shows them (septets for GSM-7, UTF-16 units for UCS-2). */
  units: number;
  segments: number;
  /** How many units fit in one segment at this length (160/153 or 70/67). */
  perSegment: number;
}

/**
 * How many SMS segments a text costs (TWILIO.md §4.5): the carrier's rule, shared by the composer's
 * counter, the outbox's per-number rate, the simulator and the fake Twilio server.
 */
export function countSegments(text: string): SegmentCount {
  let septets = 0;
  let gsm = true;
  for (const char of text) {
    if (BASIC.has(char)) septets += 1;
    else if (EXTENDED.has(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) {
    const perSegment = septets <= 160 ? 160 : 153;
    return { encoding: 'GSM-7', units: septets, segments: Math.max(1, Math.ceil(septets / perSegment)), perSegment };
  }
  const units = text.length; // UTF-16 code units: an emoji is two
  const perSegment = units <= 70 ? 70 : 67;
  return { encoding: 'UCS-2', units, segments: Math.max(1, Math.ceil(units / perSegment)), perSegment };
}

/** Just the segment count. */
export function countSmsSegments(body: string): number {
  return countSegments(body).segments;
}
