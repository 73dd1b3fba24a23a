import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import { useCallback } from 'react';
import type { Conversation, Message, Queue } from '../providers/api-types';
import { errorMessage, errorStatus } from '../providers/http-client';
import { MUTED_TEXT } from '../theme';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { PresenceLine } from './PresenceLine';
import { ThreadHeader } from './ThreadHeader';
import { useConversation } from './useConversation';
import { useMarkRead } from './useMarkRead';
import { usePresence } from './usePresence';
import { useThreadMessages } from './useThreadMessages';

export const GONE_MESSAGE = 'This conversation is no longer in your queues';

export interface ThreadPaneProps {
  conversationId: number;
  queues: Queue[];
  /** On narrow screens: back to the list. */
  onBack?: () => void;
  /** The conversation changed here (read, linked…): the list shows it at once. */
  onConversationChanged: (conversation: Conversation) => void;
  /** Archived or moved away: the thread closes. */
  onClose: () => void;
}

/** The open conversation: header and actions, the texts, who else is here, and the composer. */
export function ThreadPane({ conversationId, queues, onBack, onConversationChanged, onClose }: ThreadPaneProps) {
  const { conversation, isPending, error, refetch, apply } = useConversation(conversationId);
  const thread = useThreadMessages(conversationId);
  const presence = usePresence(conversationId);

  const changed = useCallback((next: Conversation) => {
    apply(next);
    onConversationChanged(next);
  }, [apply, onConversationChanged]);
  useMarkRead(conversation, changed);

  const onSent: (message: Message) => void = thread.add;

  if (error && !conversation) {
    const gone = errorStatus(error) === 404;
    return (
      <Box sx={{ p: 3 }}>
        <Alert
          severity={gone ? 'info' : 'error'}
          action={gone
            ? <Button color="inherit" onClick={onClose}>Back to the list</Button>
            : <Button color="inherit" onClick={() => void refetch()}>Try again</Button>}
        >
          {gone ? `${GONE_MESSAGE}. It may have been moved to a queue you do not work, or SANDI permissions changed.` : `The conversation could not be loaded: ${errorMessage(error)}`}
        </Alert>
      </Box>
    );
  }
  if (isPending || !conversation) {
    return (
      <Box role="status" sx={{ p: 4, display: 'flex', gap: 2, alignItems: 'center', color: MUTED_TEXT }}>
        <CircularProgress size={20} aria-hidden /> Opening the conversation…
      </Box>
    );
  }

  return (
    <Box component="section" aria-label={`Conversation with ${conversation.title}`} sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, bgcolor: '#F7F8FA' }}>
      <ThreadHeader
        conversation={conversation}
        queues={queues}
        onBack={onBack}
        onChanged={changed}
        onArchived={(next, action) => {
          changed(next);
          if (action === 'archived') onClose();
        }}
        onMoved={(next) => {
          changed(next);
          onClose();
        }}
        onBlockChanged={() => {
          void refetch();
        }}
      />
      {thread.error != null && !thread.isPending && (
        <Alert severity="error" sx={{ m: 1.5 }} action={<Button color="inherit" onClick={() => void thread.refetch()}>Try again</Button>}>
          The texts could not be loaded: {errorMessage(thread.error)}
        </Alert>
      )}
      {thread.isPending ? (
        <Typography role="status" sx={{ p: 3, color: MUTED_TEXT, flex: 1 }}>Loading the texts…</Typography>
      ) : (
        <MessageList conversationId={conversation.id} messages={thread.messages} clientName={conversation.title} truncated={thread.truncated} onResent={onSent} />
      )}
      <PresenceLine viewers={presence.viewers} typing={presence.typing} />
      <Composer key={conversation.id} conversation={conversation} onSent={onSent} />
    </Box>
  );
}
