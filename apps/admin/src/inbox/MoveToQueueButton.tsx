import DriveFileMoveIcon from '@mui/icons-material/DriveFileMove';
import { Button, ListItemText, Menu, MenuItem } from '@mui/material';
import { useRef, useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import { queueLabel } from '../layout/QueueSwitcher';
import type { Conversation, Queue } from '../providers/api-types';
import type { IvmDataProvider } from '../providers/dataProvider';
import { errorMessage } from '../providers/http-client';

/** Hands the conversation to another queue; replies still leave from the number the client texted. */
export function MoveToQueueButton({ conversation, queues, onMoved }: { conversation: Conversation; queues: Queue[]; onMoved: (conversation: Conversation) => void }) {
  const dataProvider = useDataProvider<IvmDataProvider>();
  const notify = useNotify();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const targets = queues.filter((queue) => queue.code !== conversation.queue);
  if (targets.length === 0) return null;
  const move = async (queue: Queue) => {
    setOpen(false);
    try {
      const { data } = await dataProvider.move(conversation.id, queue.code);
      notify(`Moved to ${queueLabel(queue)}.`, { type: 'info' });
      onMoved(data);
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  return (
    <>
      <Button
        ref={anchor}
        id={`move-${conversation.id}`}
        variant="outlined"
        startIcon={<DriveFileMoveIcon aria-hidden />}
        onClick={() => setOpen(true)}
        aria-haspopup="menu"
        aria-expanded={open}
        sx={{ whiteSpace: 'nowrap' }}
      >
        Move to queue…
      </Button>
      <Menu anchorEl={anchor.current} open={open} onClose={() => setOpen(false)} slotProps={{ list: { 'aria-labelledby': `move-${conversation.id}` } }}>
        {targets.map((queue) => (
          <MenuItem key={queue.code} onClick={() => void move(queue)}>
            <ListItemText primary={queueLabel(queue)} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
