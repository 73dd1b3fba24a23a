import { Alert } from '@mui/material';

export const TRAINING_MESSAGE = 'Training mode — no real texts are sent';

/** Said wherever the simulator is in play, so nobody mistakes practice for a real client. */
export function TrainingBanner({ detail }: { detail?: string }) {
  return (
    <Alert severity="info" role="note" sx={{ borderRadius: 0, bgcolor: '#FFF1E8', color: '#5A2100', borderLeft: '4px solid #FF5F05', '& .MuiAlert-icon': { color: '#5A2100' } }}>
      <strong>{TRAINING_MESSAGE}</strong>
      {detail ? ` · ${detail}` : ''}
    </Alert>
  );
}
