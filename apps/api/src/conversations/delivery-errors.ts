/** Provider error codes in words the front desk can act on (Twilio's codes; TWILIO.md §3.4). */
const REASONS: Record<string, string> = {
  '21211': 'The phone number is not valid.',
  '21408': 'Texting to this region is not enabled for the hospital.',
  '21610': 'The client texted STOP to this number: they must text START to it to receive texts again.',
  '21612': 'This phone cannot receive texts from this number.',
  '21614': 'The number is not a mobile phone (a landline?).',
  '30003': 'The client\'s phone was off or out of coverage.',
  '30004': 'The client\'s carrier blocked the text (the client may have opted out).',
  '30005': 'The number is unknown or no longer in service.',
  '30006': 'The number is a landline or its carrier cannot receive texts.',
  '30007': 'The carrier filtered the text as spam.',
  '30008': 'The carrier reported an unknown error.',
  '30032': 'The hospital number is not verified for texting yet.',
  '30036': 'The text waited too long at the provider and expired.',
  opted_out: 'The client opted out by texting STOP; they must text START to receive texts again.',
  not_opted_in: 'The client has not opted in yet: they must reply YES to the opt-in text first.',
  carrier_blocked: 'The client texted STOP to this number: they must text START to it to receive texts again.',
  client_blocked: 'The client is blocked.',
  retries_exhausted: 'The provider could not be reached after many attempts.',
};

export function describeDeliveryError(code: string | null, providerMessage?: string | null): string {
  if (code && REASONS[code]) return REASONS[code];
  if (providerMessage) return providerMessage;
  return code ? `The provider reported error ${code}.` : 'The text was not delivered.';
}
