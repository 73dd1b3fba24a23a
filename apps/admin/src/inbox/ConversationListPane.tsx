import { Alert, Box, Button, FormControlLabel, Switch, Typography } from '@mui/material';
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { hospitalNumberName, formatHospitalNumber } from '../common/hospital-numbers';
import { errorMessage } from '../providers/http-client';
import type { Conversation, Queue } from '../providers/api-types';
import { MUTED_TEXT } from '../theme';
import { ConversationListItem } from './ConversationListItem';
import { ConversationListSkeleton } from './ConversationListSkeleton';
import { ConversationSearch } from './ConversationSearch';
import type { useConversationList } from './useConversationList';

export interface ConversationListPaneProps {
  queue: Queue;
  queues: Queue[];
  list: ReturnType<typeof useConversationList>;
  archived: boolean;
  onArchivedChange: (archived: boolean) => void;
  q: string;
  onSearch: (q: string) => void;
  selectedId: number | undefined;
  linkTo: (conversation: Conversation) => string;
}

/** Arrow keys move between rows (Home/End to the ends); Enter opens the focused one. */
function moveFocus(event: KeyboardEvent<HTMLAnchorElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const links = Array.from(event.currentTarget.closest('ul')?.querySelectorAll<HTMLAnchorElement>('a[data-conversation-link]') ?? []);
  const index = links.indexOf(event.currentTarget);
  const next = event.key === 'Home' ? 0 : event.key === 'End' ? links.length - 1 : index + (event.key === 'ArrowDown' ? 1 : -1);
  if (next < 0 || next >= links.length) return;
  event.preventDefault();
  links[next].focus();
}

/** A minute's clock, so "2:14 PM" turns into "Yesterday" at midnight without a reload. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The left pane: search, the Show archived switch, and the conversations of the queue. */
export function ConversationListPane({ queue, queues, list, archived, onArchivedChange, q, onSearch, selectedId, linkTo }: ConversationListPaneProps) {
  const now = useMinuteClock();
  const numberName = useCallback((e164: string) => hospitalNumberName(e164, queues), [queues]);
  const { conversations, isPending, error, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } = list;

  return (
    <Box component="section" aria-label={`Conversations in ${queue.code}`} sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Box sx={{ p: 1.5, pb: 0.5, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <ConversationSearch key={queue.code} onSearch={onSearch} />
        <FormControlLabel
          control={<Switch checked={archived} onChange={(event) => onArchivedChange(event.target.checked)} />}
          label="Show archived"
          sx={{ mt: 0.5 }}
        />
      </Box>
      <Box sx={{ flex: 1, minHeight: 0, overflowY: 'auto', overflowX: 'hidden', bgcolor: 'background.paper' }}>
        {isPending && !error && <ConversationListSkeleton />}
        {error != null && (
          <Alert severity="error" sx={{ m: 1.5 }} action={<Button color="inherit" onClick={() => void refetch()}>Try again</Button>}>
            The conversations could not be loaded: {errorMessage(error)}
          </Alert>
        )}
        {!isPending && !error && conversations.length === 0 && (
          <Typography sx={{ p: 3, color: MUTED_TEXT }}>
            {q
              ? `No ${archived ? 'archived ' : ''}conversations in ${queue.code} match “${q}”.`
              : archived
                ? `No archived conversations in ${queue.code}.`
                : `No conversations in ${queue.code} yet. Clients text ${formatHospitalNumber(queue.phoneNumber)} to reach this queue.`}
          </Typography>
        )}
        {conversations.length > 0 && (
          <Box component="ul" aria-label={archived ? 'Archived conversations' : 'Conversations'} sx={{ m: 0, p: 0 }}>
            {conversations.map((conversation) => (
              <ConversationListItem
                key={conversation.id}
                conversation={conversation}
                to={linkTo(conversation)}
                selected={conversation.id === selectedId}
                numberName={numberName(conversation.hospitalNumber)}
                now={now}
                onKeyDown={moveFocus}
              />
            ))}
          </Box>
        )}
        {hasNextPage && (
          <Box sx={{ p: 1.5, textAlign: 'center' }}>
            <Button onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
              {isFetchingNextPage ? 'Loading…' : 'Show more conversations'}
            </Button>
          </Box>
        )}
      </Box>
    </Box>
  );
}
