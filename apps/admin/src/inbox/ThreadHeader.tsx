import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Box, IconButton, Tooltip, Typography } from '@mui/material';
import { hospitalNumberName } from '../common/hospital-numbers';
import type { Conversation, Queue } from '../providers/api-types';
import { MUTED_TEXT } from '../theme';
import { ArchiveButton } from './ArchiveButton';
import { BlockClientButton } from './BlockClientButton';
import { consentSummary, formatPatients, sandiClientOf } from './conversation-labels';
import { CopyTranscriptButton } from './CopyTranscriptButton';
import { LinkClientButton } from './LinkClientButton';
import { MoveToQueueButton } from './MoveToQueueButton';

export interface ThreadHeaderProps {
  conversation: Conversation;
  queues: Queue[];
  onBack?: () => void;
  onChanged: (conversation: Conversation) => void;
  onArchived: (conversation: Conversation, action: 'archived' | 'unarchived') => void;
  onMoved: (conversation: Conversation) => void;
  onBlockChanged: () => void;
}

/** Who the client is (SANDI name, phone, patients, SANDI #, consent) and what can be done with the conversation. */
export function ThreadHeader({ conversation, queues, onBack, onChanged, onArchived, onMoved, onBlockChanged }: ThreadHeaderProps) {
  const client = sandiClientOf(conversation);
  const numberName = hospitalNumberName(conversation.hospitalNumber, queues);
  const patients = formatPatients(conversation.patients);
  const ambiguous = conversation.clients.length !== 1;
  const facts = [
    client ? `SANDI #${client.id}` : conversation.clients.length > 1 ? `${conversation.clients.length} SANDI clients share this phone` : 'Not in SANDI',
    consentSummary(conversation, numberName),
    conversation.queue !== numberName ? `in ${conversation.queue} · texted the ${numberName} number` : null,
  ].filter(Boolean);

  return (
    <Box component="header" sx={{ px: { xs: 1.5, md: 2 }, py: 1.25, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper', display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
      {onBack && (
        <Tooltip title="Back to the conversations">
          <IconButton aria-label="Back to the conversations" onClick={onBack} edge="start">
            <ArrowBackIcon />
          </IconButton>
        </Tooltip>
      )}
      <Box sx={{ minWidth: 0, flex: '1 1 320px' }}>
        <Typography component="h2" variant="h6" sx={{ fontSize: '1.1rem', fontWeight: 700, overflowWrap: 'anywhere' }}>
          {conversation.title}
          <Typography component="span" sx={{ fontWeight: 400, color: MUTED_TEXT, ml: 1 }}>
            · {conversation.contact.phoneDisplay}
          </Typography>
        </Typography>
        {patients && <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>{patients}</Typography>}
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ color: MUTED_TEXT }}>{facts.join(' · ')}</Typography>
          {ambiguous && (
            <LinkClientButton conversation={conversation} onLinked={onChanged} />
          )}
        </Box>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <CopyTranscriptButton conversationId={conversation.id} />
        <ArchiveButton conversation={conversation} onChanged={onArchived} />
        <MoveToQueueButton conversation={conversation} queues={queues} onMoved={onMoved} />
        <BlockClientButton conversation={conversation} onChanged={onBlockChanged} />
      </Box>
    </Box>
  );
}
