import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Box, Button, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { Message } from '../providers/api-types';
import type { IvmDataProvider } from '../providers/dataProvider';
import { errorMessage } from '../providers/http-client';
import { ERROR_TEXT, MUTED_TEXT } from '../theme';

const FAILED = new Set(['undelivered', 'failed']);

/** queued → sent → delivered under each outbound text, or why it was not delivered, with Resend. */
export function DeliveryStatus({ message, onResent }: { message: Message; onResent: (message: Message) => void }) {
  const dataProvider = useDataProvider<IvmDataProvider>();
  const notify = useNotify();
  const [resending, setResending] = useState(false);

  if (FAILED.has(message.status)) {
    const reason = message.errorMessage ?? 'the carrier did not say why';
    const resend = async () => {
      setResending(true);
      try {
        const { data } = await dataProvider.resend(message.id);
        onResent(data);
      } catch (error) {
        notify(`The text could not be resent: ${errorMessage(error)}`, { type: 'error' });
      } finally {
        setResending(false);
      }
    };
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
        <Tooltip title={message.errorCode ? `Provider code ${message.errorCode}` : 'No provider code'}>
          <Typography variant="caption" sx={{ color: ERROR_TEXT, fontWeight: 600 }} tabIndex={0}>
            not delivered: {reason}
          </Typography>
        </Tooltip>
        <Button size="small" variant="outlined" color="error" onClick={() => void resend()} disabled={resending} sx={{ py: 0 }}>
          {resending ? 'Resending…' : 'Resend'}
        </Button>
      </Box>
    );
  }
  if (message.status === 'delivered') {
    return (
      <Typography variant="caption" sx={{ color: MUTED_TEXT, display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
        <DoneAllIcon aria-hidden sx={{ fontSize: 14 }} /> delivered
      </Typography>
    );
  }
  const words: Record<string, string> = { queued: 'queued', sending: 'sending…', sent: 'sent', canceled: 'not sent: canceled' };
  return <Typography variant="caption" sx={{ color: MUTED_TEXT }}>{words[message.status] ?? message.status}</Typography>;
}
