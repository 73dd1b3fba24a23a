import ArchiveIcon from '@mui/icons-material/Archive';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { Conversation } from '../providers/api-types';
import type { IvmDataProvider } from '../providers/dataProvider';
import { errorMessage } from '../providers/http-client';

/** "When finished with a conversation, select Archive Conversation." Archived ones can be reopened. */
export function ArchiveButton({ conversation, onChanged }: { conversation: Conversation; onChanged: (conversation: Conversation, action: 'archived' | 'unarchived') => void }) {
  const dataProvider = useDataProvider<IvmDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const archived = conversation.status === 'archived';
  const run = async () => {
    setBusy(true);
    try {
      const { data } = archived ? await dataProvider.unarchive(conversation.id) : await dataProvider.archive(conversation.id);
      notify(archived ? 'Conversation unarchived: it is back in the open list.' : 'Conversation archived. Find it again with Show archived.', { type: 'info' });
      onChanged(data, archived ? 'unarchived' : 'archived');
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant={archived ? 'outlined' : 'contained'}
      startIcon={archived ? <UnarchiveIcon aria-hidden /> : <ArchiveIcon aria-hidden />}
      onClick={() => void run()}
      disabled={busy}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {archived ? 'Unarchive' : 'Archive Conversation'}
    </Button>
  );
}
