import { useEffect } from 'react';

export const APP_TITLE = 'Illinois Vet Messenger';

/** "(3) IVM" in the browser tab while conversations wait, so a glance at the tab bar is enough. */
export function useDocumentTitle(unreadConversations: number): void {
  useEffect(() => {
    document.title = unreadConversations > 0 ? `(${unreadConversations}) IVM` : APP_TITLE;
  }, [unreadConversations]);
  useEffect(() => () => {
    document.title = APP_TITLE;
  }, []);
}
