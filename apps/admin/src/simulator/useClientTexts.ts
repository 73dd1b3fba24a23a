import { useCallback, useEffect, useState } from 'react';
import type { PhoneText } from './phone-timeline';

const key = (phone: string, number: string) => `ivm.simulator.${phone}.${number}`;

function read(phone: string, number: string): PhoneText[] {
  if (!phone) return [];
  try {
    return JSON.parse(sessionStorage.getItem(key(phone, number)) ?? '[]') as PhoneText[];
  } catch {
    return [];
  }
}

/**
 * The texts typed as the client in this tab. The API only lists what IVM sent, so the phone's own
 * side is remembered here (for the tab's life) to show both sides of the conversation.
 */
export function useClientTexts(phone: string, number: string): [PhoneText[], (text: PhoneText) => void] {
  const [texts, setTexts] = useState<PhoneText[]>(() => read(phone, number));
  useEffect(() => setTexts(read(phone, number)), [phone, number]);
  const add = useCallback((text: PhoneText) => {
    const next = [...read(phone, number), text];
    sessionStorage.setItem(key(phone, number), JSON.stringify(next));
    setTexts(next);
  }, [phone, number]);
  return [texts, add];
}
