import { Box, Chip, Typography } from '@mui/material';
import { memo, type KeyboardEvent } from 'react';
import { LinkBase } from 'react-admin';
import { formatFull, formatListTime } from '../common/hospital-time';
import { visuallyHidden } from '../common/visually-hidden';
import type { Conversation } from '../providers/api-types';
import { ILLINI_BLUE, ILLINI_ORANGE, MUTED_TEXT } from '../theme';
import { consentLabel, formatPatients, previewOf } from './conversation-labels';

export interface ConversationListItemProps {
  conversation: Conversation;
  to: string;
  selected: boolean;
  numberName: string;
  now: Date;
  onKeyDown: (event: KeyboardEvent<HTMLAnchorElement>) => void;
}

/** One row: who, their patients, the first words of the last text, when, unread and consent state. */
export const ConversationListItem = memo(function ConversationListItem({ conversation, to, selected, numberName, now, onKeyDown }: ConversationListItemProps) {
  const unread = conversation.unreadCount > 0;
  const consent = consentLabel(conversation, numberName);
  const patients = formatPatients(conversation.patients);
  const preview = previewOf(conversation.lastMessagePreview);
  const sharedPhone = conversation.clients.length > 1 && !conversation.linkedClientId;
  return (
    // content-visibility keeps long lists cheap; it also clips anything drawn outside the row, so
    // the focus ring is drawn inside.
    <Box component="li" sx={{ listStyle: 'none', contentVisibility: 'auto', containIntrinsicSize: '0 92px', '& a:focus-visible': { outlineOffset: '-3px' } }}>
      <LinkBase
        to={to}
        aria-current={selected ? 'page' : undefined}
        onKeyDown={onKeyDown}
        data-conversation-link
        style={{ textDecoration: 'none', color: 'inherit', display: 'block' }}
      >
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: '12px minmax(0, 1fr) auto',
            columnGap: 1,
            px: 1.5,
            py: 1.25,
            borderBottom: 1,
            borderColor: 'divider',
            borderLeft: `4px solid ${selected ? ILLINI_BLUE : 'transparent'}`,
            bgcolor: selected ? '#E6ECF5' : 'transparent',
            '&:hover': { bgcolor: selected ? '#E6ECF5' : '#F1F4F8' },
          }}
        >
          <Box aria-hidden sx={{ pt: '7px' }}>
            {unread && <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: ILLINI_ORANGE }} />}
          </Box>
          <Box sx={{ minWidth: 0 }}>
            <Typography noWrap sx={{ fontWeight: unread ? 700 : 500 }}>
              {conversation.title}
            </Typography>
            {patients && (
              <Typography noWrap variant="body2" title={patients} sx={{ color: MUTED_TEXT }}>
                {patients}
              </Typography>
            )}
            <Typography noWrap variant="body2" sx={{ color: unread ? 'text.primary' : MUTED_TEXT, fontWeight: unread ? 600 : 400 }}>
              {preview ? `“${preview}”` : <em>No texts yet</em>}
            </Typography>
            {(consent || sharedPhone || conversation.contact.blocked) && (
              <Box sx={{ display: 'flex', gap: 0.5, mt: 0.5, flexWrap: 'wrap' }}>
                {sharedPhone && <Chip size="small" variant="outlined" label={`${conversation.clients.length} clients`} />}
                {consent && <Chip size="small" variant="outlined" label={consent} sx={{ color: '#7A3200', borderColor: '#C2571B' }} />}
                {conversation.contact.blocked && conversation.status === 'archived' && (
                  <Chip size="small" label="blocked" sx={{ bgcolor: '#FDE2E1', color: '#8C1D18' }} />
                )}
              </Box>
            )}
          </Box>
          <Box sx={{ textAlign: 'right', display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: 0.5 }}>
            <Typography variant="caption" sx={{ color: MUTED_TEXT, whiteSpace: 'nowrap', fontWeight: unread ? 700 : 400 }}>
              <time dateTime={conversation.lastMessageAt} title={formatFull(conversation.lastMessageAt)}>
                {formatListTime(conversation.lastMessageAt, now)}
              </time>
            </Typography>
            {unread && (
              <Box
                component="span"
                sx={{ bgcolor: ILLINI_BLUE, color: '#FFFFFF', borderRadius: 10, px: 0.9, fontSize: 12, fontWeight: 700, lineHeight: '20px', minWidth: 20, textAlign: 'center' }}
              >
                {conversation.unreadCount}
                <span style={visuallyHidden}> unread {conversation.unreadCount === 1 ? 'text' : 'texts'}</span>
              </Box>
            )}
          </Box>
        </Box>
      </LinkBase>
    </Box>
  );
});
