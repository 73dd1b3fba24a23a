import { useCallback, useRef } from 'react';
import { useDataProvider } from 'react-admin';
import type { IvmDataProvider } from '../providers/dataProvider';

export const TYPING_THROTTLE_MS = 2000;

/** Tells the others "… is typing" at most every two seconds while keys are pressed. */
export function useTypingSignal(conversationId: number): () => void {
  const dataProvider = useDataProvider<IvmDataProvider>();
  const lastSent = useRef(0);
  return useCallback(() => {
    const now = Date.now();
    if (now - lastSent.current < TYPING_THROTTLE_MS) return;
    lastSent.current = now;
    void dataProvider.typing(conversationId);
  }, [dataProvider, conversationId]);
}
