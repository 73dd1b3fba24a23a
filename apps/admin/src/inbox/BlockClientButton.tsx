import BlockIcon from '@mui/icons-material/Block';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetOne, useNotify } from 'react-admin';
import { retryOnce } from '../common/query-options';
import type { Contact, Conversation } from '../providers/api-types';
import type { IvmDataProvider } from '../providers/dataProvider';
import { errorMessage } from '../providers/http-client';
import { BlockClientDialog } from './BlockClientDialog';

/**
 * "Block Client" (and "Unblock Client"), shown only to those the API says may use it
 * (contact.canBlock: supervisors of a queue the phone has texted, and managers).
 */
export function BlockClientButton({ conversation, onChanged }: { conversation: Conversation; onChanged: () => void }) {
  const dataProvider = useDataProvider<IvmDataProvider>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const { data: contact, refetch } = useGetOne<Contact>('contacts', { id: conversation.contact.id }, { staleTime: 30000, retry: retryOnce });
  if (!contact?.canBlock) return null;

  if (contact.blocked) {
    const unblock = async () => {
      try {
        await dataProvider.unblock(contact.id);
        notify(`${conversation.title} is unblocked. IVM texts them again once they text in.`, { type: 'info' });
        await refetch();
        onChanged();
      } catch (error) {
        notify(errorMessage(error), { type: 'error' });
      }
    };
    return <Button variant="outlined" color="error" onClick={() => void unblock()} sx={{ whiteSpace: 'nowrap' }}>Unblock Client</Button>;
  }

  const block = async (reason: string) => {
    try {
      await dataProvider.block(contact.id, reason);
    } catch (error) {
      throw new Error(errorMessage(error));
    }
    setOpen(false);
    notify(`${conversation.title} is blocked and their open conversations are archived.`, { type: 'info' });
    await refetch();
    onChanged();
  };
  return (
    <>
      <Button variant="outlined" color="error" startIcon={<BlockIcon aria-hidden />} onClick={() => setOpen(true)} sx={{ whiteSpace: 'nowrap' }}>
        Block Client
      </Button>
      <BlockClientDialog open={open} clientName={conversation.title} onClose={() => setOpen(false)} onBlock={block} />
    </>
  );
}
