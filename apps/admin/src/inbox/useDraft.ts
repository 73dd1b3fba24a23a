import { useCallback, useEffect, useState } from 'react';

const key = (conversationId: number, mode: string) => `ivm.draft.${mode}.${conversationId}`;

/**
 * What was being typed, per conversation: switching to another conversation and back (or a
 * reconnect) keeps the unsent words. Kept for the tab's life only, like the session.
 */
export function useDraft(conversationId: number, mode: 'reply' | 'note'): [string, (text: string) => void] {
  const [text, setText] = useState(() => sessionStorage.getItem(key(conversationId, mode)) ?? '');
  useEffect(() => {
    setText(sessionStorage.getItem(key(conversationId, mode)) ?? '');
  }, [conversationId, mode]);
  const update = useCallback((next: string) => {
    setText(next);
    if (next) sessionStorage.setItem(key(conversationId, mode), next);
    else sessionStorage.removeItem(key(conversationId, mode));
  }, [conversationId, mode]);
  return [text, update];
}
