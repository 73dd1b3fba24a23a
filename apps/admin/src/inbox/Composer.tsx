import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Button, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useDataProvider } from 'react-admin';
import type { Conversation, Message } from '../providers/api-types';
import type { IvmDataProvider } from '../providers/dataProvider';
import { errorMessage } from '../providers/http-client';
import { MUTED_TEXT } from '../theme';
import { MAX_REPLY_LENGTH, SegmentCounter } from './SegmentCounter';
import { useDraft } from './useDraft';
import { useTypingSignal } from './useTypingSignal';

export const REPLY_LABEL = 'Reply to client';
export const NOTE_LABEL = 'Internal note (only staff see it)';

export interface ComposerProps {
  conversation: Conversation;
  onSent: (message: Message) => void;
}

/**
 * Where replies are written: Enter sends, Shift+Enter adds a line; the counter shows what the
 * text costs. When the client cannot be texted, the box is disabled and says why; a note to
 * colleagues is always possible.
 */
export function Composer({ conversation, onSent }: ComposerProps) {
  const dataProvider = useDataProvider<IvmDataProvider>();
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [text, setText] = useDraft(conversation.id, mode);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signalTyping = useTypingSignal(conversation.id);
  const input = useRef<HTMLTextAreaElement>(null);

  const isNote = mode === 'note';
  const blocked = !isNote && !conversation.canReply;
  const tooLong = !isNote && text.length > MAX_REPLY_LENGTH;
  const canSend = text.trim().length > 0 && !blocked && !sending && !tooLong;

  const send = async () => {
    if (!canSend) return;
    setSending(true);
    setError(null);
    try {
      const { data } = isNote ? await dataProvider.addNote(conversation.id, text.trim()) : await dataProvider.reply(conversation.id, text);
      setText('');
      onSent(data);
    } catch (failure) {
      // The words stay in the box: nothing typed is lost to a failed send.
      setError(errorMessage(failure, isNote ? 'The note could not be saved. Try again.' : 'The text could not be sent. Try again.'));
    } finally {
      setSending(false);
      input.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // An IME composing a character uses Enter itself.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <Box component="section" aria-label={isNote ? 'Add an internal note' : 'Reply'} sx={{ borderTop: 1, borderColor: 'divider', bgcolor: isNote ? '#FFFBEA' : 'background.paper', px: { xs: 1.5, md: 2 }, py: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={mode}
          onChange={(_, value) => {
            if (value) {
              setMode(value);
              setError(null);
            }
          }}
          aria-label="Write a reply or a note"
        >
          <ToggleButton value="reply">Reply</ToggleButton>
          <ToggleButton value="note">Add note</ToggleButton>
        </ToggleButtonGroup>
        {isNote && <Box component="span" sx={{ color: MUTED_TEXT, fontSize: 13 }}>Note — only staff see this. It is not texted to the client.</Box>}
      </Box>
      {blocked && conversation.replyBlockedReason && (
        <Alert severity="info" sx={{ mb: 1 }} id={`reply-blocked-${conversation.id}`}>
          {conversation.replyBlockedReason}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-end' }}>
        <TextField
          inputRef={input}
          fullWidth
          multiline
          minRows={1}
          maxRows={8}
          placeholder={blocked ? 'Texting this client is not possible right now' : isNote ? 'Write a note for colleagues…' : 'Type a reply…'}
          value={text}
          disabled={blocked}
          onChange={(event) => {
            setText(event.target.value);
            if (!isNote && event.target.value) signalTyping();
          }}
          onKeyDown={onKeyDown}
          slotProps={{
            htmlInput: {
              'aria-label': isNote ? NOTE_LABEL : REPLY_LABEL,
              'aria-describedby': blocked ? `reply-blocked-${conversation.id}` : undefined,
              readOnly: sending,
            },
          }}
        />
        <Button
          variant="contained"
          onClick={() => void send()}
          disabled={!canSend}
          endIcon={<SendIcon aria-hidden />}
          sx={{ whiteSpace: 'nowrap', minHeight: 40 }}
        >
          {sending ? (isNote ? 'Saving…' : 'Sending…') : isNote ? 'Add note' : 'Send'}
        </Button>
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 1, mt: 0.5, minHeight: 20 }}>
        <Box component="span" sx={{ color: MUTED_TEXT, fontSize: 12 }}>Enter sends · Shift+Enter adds a line</Box>
        {!isNote && <SegmentCounter text={text} />}
      </Box>
      {tooLong && <Alert severity="warning" sx={{ mt: 1 }}>A text can be at most {MAX_REPLY_LENGTH} characters. Shorten it or send it in two.</Alert>}
      {error && <Alert severity="error" role="alert" sx={{ mt: 1 }}>{error}</Alert>}
    </Box>
  );
}
