import ContentPasteIcon from '@mui/icons-material/ContentPaste';
import { CircularProgress, IconButton, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { IvmDataProvider } from '../providers/dataProvider';
import { errorMessage } from '../providers/http-client';
import { writeRichClipboard } from './clipboard';

export const COPY_LABEL = 'Copy conversation for the SANDI Comm Log';
export const COPIED_MESSAGE = 'Copied — paste it into the SANDI Comm Log';

/** The training document's clipboard icon: the whole conversation, ready to paste into the Comm Log. */
export function CopyTranscriptButton({ conversationId }: { conversationId: number }) {
  const dataProvider = useDataProvider<IvmDataProvider>();
  const notify = useNotify();
  const [copying, setCopying] = useState(false);
  const copy = async () => {
    setCopying(true);
    try {
      const [plain, html] = await Promise.all([
        dataProvider.transcript(conversationId, 'text'),
        dataProvider.transcript(conversationId, 'html'),
      ]);
      await writeRichClipboard(plain.data, html.data);
      notify(COPIED_MESSAGE, { type: 'success' });
    } catch (error) {
      notify(`The conversation could not be copied: ${errorMessage(error)}`, { type: 'error' });
    } finally {
      setCopying(false);
    }
  };
  return (
    <Tooltip title={COPY_LABEL}>
      <span>
        <IconButton aria-label={COPY_LABEL} onClick={() => void copy()} disabled={copying} color="primary">
          {copying ? <CircularProgress size={22} aria-hidden /> : <ContentPasteIcon />}
        </IconButton>
      </span>
    </Tooltip>
  );
}
