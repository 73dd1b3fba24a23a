import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { Badge, Button, ListItemText, Menu, MenuItem, Typography } from '@mui/material';
import type { RefObject } from 'react';
import type { Queue } from '../providers/api-types';

export interface QueueSwitcherProps {
  queue: Queue | undefined;
  queues: Queue[];
  isPending: boolean;
  failed: boolean;
  open: boolean;
  anchorRef: RefObject<HTMLButtonElement | null>;
  onOpen: () => void;
  onClose: () => void;
  onSelect: (code: string) => void;
}

export function queueLabel(queue: Pick<Queue, 'code' | 'name'>): string {
  return queue.name && queue.name !== queue.code ? `${queue.code} · ${queue.name}` : queue.code;
}

const unreadText = (count: number) => (count > 0 ? `(${count} unread)` : '');

/**
 * The current queue in the blue bar; it opens the list of the user's queues with their unread
 * counts (MUI's menu gives arrow keys, Enter/Space, Esc and focus return).
 */
export function QueueSwitcher({ queue, queues, isPending, failed, open, anchorRef, onOpen, onClose, onSelect }: QueueSwitcherProps) {
  const label = queue ? `${queueLabel(queue)} ${unreadText(queue.unreadConversations)}`.trim() : isPending ? 'Loading queues…' : failed ? 'Queues could not be loaded' : 'No queues';
  return (
    <>
      <Button
        ref={anchorRef}
        id="queue-switcher"
        color="inherit"
        onClick={onOpen}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'queue-menu' : undefined}
        aria-label={failed && !queue ? 'Queues could not be loaded. Open to try again' : label}
        endIcon={<ArrowDropDownIcon aria-hidden />}
        sx={{ textTransform: 'none', fontSize: '1rem', fontWeight: 600, minWidth: 0, maxWidth: '100%' }}
      >
        <Typography component="span" noWrap sx={{ font: 'inherit' }}>
          {queue ? queueLabel(queue) : label}
        </Typography>
        {queue && queue.unreadConversations > 0 && (
          <Typography component="span" noWrap sx={{ font: 'inherit', fontWeight: 400, ml: 1 }}>
            {unreadText(queue.unreadConversations)}
          </Typography>
        )}
      </Button>
      <Menu
        id="queue-menu"
        anchorEl={anchorRef.current}
        open={open}
        onClose={onClose}
        slotProps={{ list: { 'aria-labelledby': 'queue-switcher', dense: false } }}
      >
        {queues.length === 0 && <MenuItem disabled>{isPending ? 'Loading queues…' : 'You have no queues in IVM. Ask your supervisor.'}</MenuItem>}
        {queues.map((item) => (
          <MenuItem
            key={item.code}
            selected={item.code === queue?.code}
            onClick={() => {
              onSelect(item.code);
              onClose();
            }}
            sx={{ minWidth: 300, gap: 2 }}
          >
            <ListItemText
              primary={queueLabel(item)}
              secondary={`${item.openCount} open · ${item.unreadConversations > 0 ? `${item.unreadConversations} unread` : 'nothing unread'}`}
            />
            <Badge
              aria-hidden
              color="primary"
              badgeContent={item.unreadConversations}
              sx={{ '& .MuiBadge-badge': { position: 'static', transform: 'none', fontWeight: 700 } }}
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
