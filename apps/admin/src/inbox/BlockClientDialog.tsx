import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';

export const BLOCK_WARNING = 'See your supervisor or manager before using this feature.';

export interface BlockClientDialogProps {
  open: boolean;
  clientName: string;
  onClose: () => void;
  /** Resolves when blocked; rejects with the words to show. */
  onBlock: (reason: string) => Promise<void>;
}

/** Asks why, and repeats the training document's warning (Esc or Cancel closes it). */
export function BlockClientDialog({ open, clientName, onClose, onBlock }: BlockClientDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tooShort = reason.trim().length < 3;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (tooShort || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onBlock(reason.trim());
      setReason('');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby="block-client-title" fullWidth maxWidth="sm">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id="block-client-title">Block Client</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>{BLOCK_WARNING}</Alert>
          <DialogContentText sx={{ mb: 2 }}>
            Blocking {clientName} stops texts to and from this phone in every queue and archives their open
            conversations. Their texts are still kept for the record.
          </DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            label="Reason for blocking"
            helperText="At least 3 characters; it is kept in the audit log."
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
          />
          {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>Cancel</Button>
          <Button type="submit" variant="contained" color="error" disabled={tooShort || busy}>
            {busy ? 'Blocking…' : 'Block Client'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
