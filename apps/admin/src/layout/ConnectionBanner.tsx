import { Alert, Button } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { useConnectionState } from '../live/useConnectionState';
import type { IvmDataProvider } from '../providers/dataProvider';

/** A blip shorter than this (a Wi-Fi hand-over) is not worth a bar. */
const GRACE_MS = 1500;

/**
 * The yellow bar: when the live connection drops, say so rather than show a screen that may be
 * stale; the screens refresh themselves meanwhile and resync when it returns.
 */
export function ConnectionBanner({ graceMs = GRACE_MS }: { graceMs?: number }) {
  const state = useConnectionState();
  const dataProvider = useDataProvider<IvmDataProvider>();
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (state === 'connected') {
      setVisible(false);
      return;
    }
    const timer = setTimeout(() => setVisible(true), graceMs);
    return () => clearTimeout(timer);
  }, [state, graceMs]);

  if (!visible || state === 'connected') return null;
  const offline = state === 'offline';
  return (
    <Alert
      severity="warning"
      role="status"
      variant="filled"
      sx={{ borderRadius: 0, bgcolor: '#FFE8A3', color: '#3D2E00', py: 0, '& .MuiAlert-icon': { color: '#3D2E00' } }}
      action={offline ? (
        <Button color="inherit" size="small" onClick={() => void dataProvider.reconnect()}>
          Try now
        </Button>
      ) : undefined}
    >
      {offline
        ? 'Offline — new texts may not appear by themselves. IVM keeps trying and refreshes this screen every 15 seconds.'
        : 'Reconnecting… New texts may be a few seconds late; this screen refreshes itself until the connection is back.'}
    </Alert>
  );
}
