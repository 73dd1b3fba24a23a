/** The hospital's three texting numbers (the training document lists them; the API seeds them as queues). */
export interface HospitalNumber {
  queue: string;
  name: string;
  e164: string;
  /** As the hospital prints it: 1-844-407-3300. */
  display: string;
}

export const HOSPITAL_NUMBERS: HospitalNumber[] = [
  { queue: 'SAC', name: 'Small Animal Clinic', e164: '+18444073300', display: '1-844-407-3300' },
  { queue: 'LAC', name: 'Large Animal Clinic', e164: '+18444102300', display: '1-844-410-2300' },
  { queue: 'VMSC', name: 'VMSC', e164: '+18444014300', display: '1-844-401-4300' },
];

/** 1-844-407-3300 for a US toll-free E.164 number; other numbers as given. */
export function formatHospitalNumber(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `1-${match[1]}-${match[2]}-${match[3]}` : e164;
}

/** The queue code people know a hospital number by ("SAC"), or the number itself. */
export function hospitalNumberName(e164: string, queues: Array<{ code: string; phoneNumber: string }> = []): string {
  return queues.find((queue) => queue.phoneNumber === e164)?.code
    ?? HOSPITAL_NUMBERS.find((number) => number.e164 === e164)?.queue
    ?? formatHospitalNumber(e164);
}
