import { Alert, Box, Button, Typography, useMediaQuery, useTheme } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-admin';
import { queueLabel } from '../layout/QueueSwitcher';
import { useCurrentQueue } from '../layout/useCurrentQueue';
import type { Conversation, Message } from '../providers/api-types';
import { errorMessage } from '../providers/http-client';
import { MUTED_TEXT } from '../theme';
import { previewOf } from './conversation-labels';
import { ConversationListPane } from './ConversationListPane';
import { LiveAnnouncer } from './LiveAnnouncer';
import { ThreadPane } from './ThreadPane';
import { useConversationList } from './useConversationList';

/**
 * The landing page for everyone: the queue's conversations on the left (~360px), the open one on
 * the right; on a narrow screen, one or the other. The address holds the queue and the open
 * conversation (/inbox/42?queue=SAC), so back/forward and links work.
 */
export function InboxPage() {
  const { queue, queues, isPending, error, selectQueue } = useCurrentQueue();
  const params = useParams<{ conversationId?: string }>();
  const selectedId = params.conversationId ? Number(params.conversationId) : undefined;
  const navigate = useNavigate();
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('md'));
  const [archived, setArchived] = useState(false);
  const [q, setQ] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const code = queue?.code ?? '';
  useEffect(() => {
    setQ('');
  }, [code]);

  const announce = useCallback((conversation: Conversation, message: Message) => {
    if (conversation.id !== selectedId && conversation.queue !== code) return;
    const words = previewOf(message.body, 120) || 'a photo';
    setAnnouncement(conversation.id === selectedId ? `${conversation.title}: ${words}` : `New text from ${conversation.title} in ${conversation.queue}`);
  }, [selectedId, code]);

  const list = useConversationList({ queue: code, archived, q, onIncomingText: announce });
  const linkTo = useCallback((conversation: Conversation) => `/inbox/${conversation.id}?queue=${encodeURIComponent(code)}`, [code]);
  const closeThread = useCallback(() => navigate(`/inbox?queue=${encodeURIComponent(code)}`), [navigate, code]);

  if (!queue) {
    return (
      <Box sx={{ p: 3 }}>
        {isPending && <Typography role="status" sx={{ color: MUTED_TEXT }}>Loading your queues…</Typography>}
        {error != null && <Alert severity="error">Your queues could not be loaded: {errorMessage(error)} Use the blue bar to try again.</Alert>}
        {!isPending && !error && <Alert severity="info">You have no IVM queues. Ask your supervisor to give you SANDI permission for one.</Alert>}
      </Box>
    );
  }

  const showList = !narrow || selectedId === undefined;
  const showThread = !narrow || selectedId !== undefined;
  return (
    <Box sx={{ display: 'flex', flex: 1, minHeight: 0, height: '100%' }}>
      <LiveAnnouncer message={announcement} />
      {showList && (
        <Box sx={{ width: narrow ? '100%' : { md: 320, lg: 360 }, flexShrink: 0, borderRight: narrow ? 0 : 1, borderColor: 'divider', minHeight: 0 }}>
          <ConversationListPane
            queue={queue}
            queues={queues}
            list={list}
            archived={archived}
            onArchivedChange={setArchived}
            q={q}
            onSearch={setQ}
            selectedId={selectedId}
            linkTo={linkTo}
          />
        </Box>
      )}
      {showThread && (
        <Box sx={{ flex: 1, minWidth: 0, minHeight: 0 }}>
          {selectedId !== undefined && Number.isInteger(selectedId) ? (
            <ThreadPane
              key={selectedId}
              conversationId={selectedId}
              queues={queues}
              onBack={narrow ? closeThread : undefined}
              onConversationChanged={list.upsert}
              onClose={closeThread}
            />
          ) : (
            <Box sx={{ p: 4, color: MUTED_TEXT, display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'flex-start' }}>
              <Typography component="h2" variant="h6" sx={{ color: 'text.primary' }}>{queueLabel(queue)}</Typography>
              <Typography>Choose a conversation on the left to read and reply.</Typography>
              {queues.length > 1 && (
                <Typography>
                  Other queues are a click on the blue bar away.{' '}
                  {queues.filter((other) => other.code !== queue.code && other.unreadConversations > 0).map((other) => (
                    <Button key={other.code} size="small" onClick={() => selectQueue(other.code)}>{other.code}: {other.unreadConversations} unread</Button>
                  ))}
                </Typography>
              )}
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
}
