import LinkIcon from '@mui/icons-material/Link';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { Conversation } from '../providers/api-types';
import type { IvmDataProvider } from '../providers/dataProvider';
import { errorMessage } from '../providers/http-client';
import { LinkClientDialog } from './LinkClientDialog';

/** Offered when SANDI found several clients for the phone, or none; also to correct a link. */
export function LinkClientButton({ conversation, onLinked }: { conversation: Conversation; onLinked: (conversation: Conversation) => void }) {
  const dataProvider = useDataProvider<IvmDataProvider>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const link = async (sandiClientId: string) => {
    try {
      const { data } = await dataProvider.link(conversation.id, sandiClientId);
      setOpen(false);
      notify(`Linked to ${data.title}.`, { type: 'info' });
      onLinked(data);
    } catch (error) {
      throw new Error(errorMessage(error));
    }
  };
  return (
    <>
      <Button size="small" startIcon={<LinkIcon aria-hidden />} onClick={() => setOpen(true)} sx={{ whiteSpace: 'nowrap' }}>
        {conversation.linkedClientId ? 'Change SANDI client' : 'Link to SANDI client'}
      </Button>
      {open && <LinkClientDialog open conversation={conversation} onClose={() => setOpen(false)} onLink={link} />}
    </>
  );
}
