import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, Radio, RadioGroup, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { Conversation } from '../providers/api-types';
import { formatPatients } from './conversation-labels';

const OTHER = '__other__';

export interface LinkClientDialogProps {
  open: boolean;
  conversation: Conversation;
  onClose: () => void;
  /** Resolves when linked; rejects with the words to show. */
  onLink: (sandiClientId: string) => Promise<void>;
}

/**
 * Which SANDI client this conversation is about, among those SANDI found for the phone — or a
 * SANDI client number typed in when SANDI found none (or not the right one).
 */
export function LinkClientDialog({ open, conversation, onClose, onLink }: LinkClientDialogProps) {
  const candidates = conversation.clients;
  const [choice, setChoice] = useState<string>(conversation.linkedClientId ?? candidates[0]?.id ?? OTHER);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sandiClientId = choice === OTHER ? typed.trim() : choice;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!sandiClientId || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onLink(sandiClientId);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby="link-client-title" fullWidth maxWidth="sm">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id="link-client-title">Link to SANDI client</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>
            {candidates.length > 1
              ? `SANDI has ${candidates.length} clients with ${conversation.contact.phoneDisplay}. Choose the one texting; the Comm Log copy uses that client.`
              : candidates.length === 1
                ? `SANDI has one client with ${conversation.contact.phoneDisplay}. If it is someone else, enter their SANDI client number.`
                : `SANDI has no client with ${conversation.contact.phoneDisplay}. Enter the SANDI client number of the client texting.`}
          </DialogContentText>
          <RadioGroup aria-label="SANDI client" value={choice} onChange={(event) => setChoice(event.target.value)}>
            {candidates.map((client) => (
              <FormControlLabel
                key={client.id}
                value={client.id}
                control={<Radio />}
                label={`${client.displayName} · SANDI #${client.id}${client.patients.length ? ` · ${formatPatients(client.patients)}` : ''}`}
              />
            ))}
            <FormControlLabel value={OTHER} control={<Radio />} label="Another SANDI client number" />
          </RadioGroup>
          {choice === OTHER && (
            <TextField autoFocus fullWidth label="SANDI client number" value={typed} onChange={(event) => setTyped(event.target.value)} sx={{ mt: 1 }} />
          )}
          {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={!sandiClientId || busy}>{busy ? 'Linking…' : 'Link'}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
