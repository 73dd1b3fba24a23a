import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import { Box, Button, Divider, Typography } from '@mui/material';
import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { formatDayDivider, hospitalDayKey } from '../common/hospital-time';
import type { Message } from '../providers/api-types';
import { MUTED_TEXT } from '../theme';
import { MessageBubble } from './MessageBubble';

export interface MessageListProps {
  conversationId: number;
  messages: Message[];
  clientName: string;
  truncated: boolean;
  onResent: (message: Message) => void;
}

const NEAR_BOTTOM_PX = 120;

/**
 * The thread, oldest at the top, with a divider when the day changes (in Urbana). It follows new
 * texts while the reader is at the bottom; scrolled up, a button offers to jump to them instead.
 */
export function MessageList({ conversationId, messages, clientName, truncated, onResent }: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const lastCount = useRef(0);
  const [unseen, setUnseen] = useState(0);
  const now = new Date();

  const scrollToBottom = () => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
    setUnseen(0);
  };

  useLayoutEffect(() => {
    atBottom.current = true;
    lastCount.current = 0;
  }, [conversationId]);

  useLayoutEffect(() => {
    const added = messages.length - lastCount.current;
    lastCount.current = messages.length;
    if (added <= 0) return;
    const last = messages[messages.length - 1];
    if (atBottom.current || last?.direction !== 'inbound') scrollToBottom();
    else setUnseen((count) => count + added);
  }, [messages]);

  useEffect(() => setUnseen(0), [conversationId]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    if (atBottom.current) setUnseen(0);
  };

  return (
    <Box sx={{ position: 'relative', flex: 1, minHeight: 0, display: 'flex' }}>
      <Box ref={scroller} onScroll={onScroll} tabIndex={0} aria-label="Texts in this conversation" role="region" sx={{ flex: 1, overflowY: 'auto', overflowX: 'hidden', px: { xs: 1.5, md: 3 }, py: 2 }}>
        {truncated && (
          <Typography variant="body2" sx={{ color: MUTED_TEXT, textAlign: 'center', mb: 2 }}>
            Showing the latest 200 texts. The Comm Log copy (clipboard button) has the whole conversation.
          </Typography>
        )}
        {messages.length === 0 && (
          <Typography sx={{ color: MUTED_TEXT, textAlign: 'center', mt: 4 }}>No texts in this conversation yet.</Typography>
        )}
        <Box component="ol" sx={{ m: 0, p: 0 }}>
          {messages.map((message, index) => {
            const day = hospitalDayKey(message.createdAt);
            const newDay = index === 0 || hospitalDayKey(messages[index - 1].createdAt) !== day;
            return (
              <Fragment key={message.id}>
                {newDay && (
                  <Box component="li" sx={{ listStyle: 'none', my: 1.5 }}>
                    <Divider>
                      <Typography variant="caption" sx={{ color: MUTED_TEXT, fontWeight: 600 }}>{formatDayDivider(message.createdAt, now)}</Typography>
                    </Divider>
                  </Box>
                )}
                <MessageBubble message={message} clientName={clientName} onResent={onResent} />
              </Fragment>
            );
          })}
        </Box>
      </Box>
      {unseen > 0 && (
        <Button
          variant="contained"
          size="small"
          onClick={scrollToBottom}
          startIcon={<ArrowDownwardIcon aria-hidden />}
          sx={{ position: 'absolute', bottom: 12, left: '50%', transform: 'translateX(-50%)', borderRadius: 20 }}
        >
          {unseen === 1 ? '1 new text' : `${unseen} new texts`}
        </Button>
      )}
    </Box>
  );
}
