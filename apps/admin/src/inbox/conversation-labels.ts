import { formatNumericDate } from '../common/hospital-time';
import type { Conversation, Patient } from '../providers/api-types';

/** "Bella (canine), Whiskers (feline)" */
export function formatPatients(patients: Patient[]): string {
  return patients.map((patient) => (patient.species ? `${patient.name} (${patient.species})` : patient.name)).join(', ');
}

/**
 * The list's consent note when the client cannot simply be texted: "awaiting YES", "opted out",
 * "must text START to SAC"; null when opted in. `numberName` names the number the client texted.
 */
export function consentLabel(conversation: Conversation, numberName: string): string | null {
  const { consentState, carrierBlocked } = conversation.contact;
  if (consentState === 'opted_out') return 'opted out';
  if (consentState === 'none' || consentState === 'pending') return 'awaiting YES';
  if (carrierBlocked) return `must text START to ${numberName}`;
  return null;
}

/** The header's consent line: "opted in 03/11/2026", "opted out 03/12/2026", "awaiting YES". */
export function consentSummary(conversation: Conversation, numberName: string): string {
  const { consentState, consentChangedAt } = conversation.contact;
  const since = consentChangedAt ? ` ${formatNumericDate(consentChangedAt)}` : '';
  if (consentState === 'opted_in') return conversation.contact.carrierBlocked ? `opted in${since} · must text START to ${numberName}` : `opted in${since}`;
  if (consentState === 'opted_out') return `opted out${since}`;
  return 'awaiting YES';
}

/** The SANDI client the conversation is about: the linked one, or the only match. */
export function sandiClientOf(conversation: Conversation) {
  return conversation.clients.find((client) => client.id === conversation.linkedClientId)
    ?? (conversation.clients.length === 1 ? conversation.clients[0] : undefined);
}

/** "Is Biscuit ready for pickup? …" — the first words of the last text. */
export function previewOf(text: string | null, max = 80): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
