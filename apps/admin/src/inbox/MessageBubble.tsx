import { Box, Typography } from '@mui/material';
import { memo } from 'react';
import { formatClock, formatFull } from '../common/hospital-time';
import type { Message } from '../providers/api-types';
import { MUTED_TEXT } from '../theme';
import { DeliveryStatus } from './DeliveryStatus';
import { MessageMedia } from './MessageMedia';

const AUTOMATIC_NAMES: Record<string, string> = {
  opt_in_prompt: 'opt-in prompt',
  welcome: 'welcome',
  help: 'help',
  auto_reply: 'automatic reply',
};

/** Who wrote it, as the thread labels it. */
export function authorOf(message: Message, clientName: string): string {
  if (message.kind === 'note') return `Note — only staff see this${message.sender ? ` · ${message.sender.displayName}` : ''}`;
  if (message.direction === 'inbound') return clientName;
  if (message.automatic) return `IVM · ${AUTOMATIC_NAMES[message.kind] ?? 'automatic'}`;
  return message.sender?.displayName ?? 'IVM';
}

const STYLES = {
  client: { bgcolor: '#FFFFFF', border: '1px solid #D0D7E2', color: '#1F2937' },
  staff: { bgcolor: '#DCE6F5', border: '1px solid #B7C7E0', color: '#13294B' },
  automatic: { bgcolor: '#F4F6F9', border: '1px dashed #A7B1C2', color: '#374151' },
  note: { bgcolor: '#FFF7D6', border: '1px solid #E6CF6E', color: '#3D2E00' },
};

/**
 * One text. Client texts on the left, IVM's on the right; automatic ones lighter and labelled
 * "IVM"; notes visibly internal. The body is text, never markup: React escapes it.
 */
export const MessageBubble = memo(function MessageBubble({ message, clientName, onResent }: { message: Message; clientName: string; onResent: (message: Message) => void }) {
  const fromClient = message.direction === 'inbound';
  const style = message.kind === 'note' ? STYLES.note : fromClient ? STYLES.client : message.automatic ? STYLES.automatic : STYLES.staff;
  const author = authorOf(message, clientName);
  return (
    <Box
      component="li"
      data-side={fromClient ? 'client' : 'ivm'}
      data-kind={message.kind}
      sx={{ listStyle: 'none', display: 'flex', flexDirection: 'column', alignItems: fromClient ? 'flex-start' : 'flex-end', my: 0.75 }}
    >
      <Box sx={{ maxWidth: 'min(75%, 560px)', minWidth: 0 }}>
        <Typography variant="caption" component="div" sx={{ color: MUTED_TEXT, textAlign: fromClient ? 'left' : 'right', px: 0.5, fontWeight: 600 }}>
          {author}
        </Typography>
        <Box sx={{ ...style, borderRadius: 2, px: 1.5, py: 1 }}>
          {message.body && (
            <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontStyle: message.automatic ? 'italic' : 'normal' }}>
              {message.body}
            </Typography>
          )}
          <MessageMedia media={message.media} />
        </Box>
        <Box sx={{ display: 'flex', gap: 1, justifyContent: fromClient ? 'flex-start' : 'flex-end', alignItems: 'center', px: 0.5, flexWrap: 'wrap' }}>
          <Typography variant="caption" sx={{ color: MUTED_TEXT }}>
            <time dateTime={message.createdAt} title={formatFull(message.createdAt)}>{formatClock(message.createdAt)}</time>
          </Typography>
          {message.direction === 'outbound' && <DeliveryStatus message={message} onResent={onResent} />}
        </Box>
      </Box>
    </Box>
  );
});
