import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Client phones arrive as the provider or a person wrote them. IVM keys everything on E.164
 * (+12175550101). US numbers may be written without the country code; other countries need it.
 * Returns null when the text is not a possible phone number.
 */
export function toE164(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > 32) return null;
  const parsed = parsePhoneNumberFromString(trimmed, 'US');
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** A phone formatted for people: (217) 555-0101 for US numbers, international format otherwise. */
export function formatPhoneForPeople(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'US' || parsed.countryCallingCode === '1'
    ? parsed.formatNational()
    : parsed.formatInternational();
}
