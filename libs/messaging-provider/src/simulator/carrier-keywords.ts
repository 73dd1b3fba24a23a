// What a toll-free carrier acts on itself, whatever the app does (TWILIO.md §6.1-6.2).
const OPT_OUT_KEYWORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN_KEYWORDS = new Set(['START', 'UNSTOP', 'YES']);

export type CarrierKeyword = 'opt_out' | 'opt_in' | null;

/** Only the whole text counts: "stop" blocks, "stop texting me at work" is a message. */
export function carrierKeyword(body: string): CarrierKeyword {
  const word = body.trim().toUpperCase();
  if (OPT_OUT_KEYWORDS.has(word)) return 'opt_out';
  if (OPT_IN_KEYWORDS.has(word)) return 'opt_in';
  return null;
}
