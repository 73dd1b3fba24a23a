import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { BlueBar } from './BlueBar';
import { ConnectionBanner } from './ConnectionBanner';

/**
 * The whole screen: the blue bar, the connection bar when needed, and the page below it filling
 * the rest of the window (the inbox scrolls inside its panes, never the page sideways).
 */
export function AppLayout({ children }: { children?: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100dvh', overflow: 'hidden' }}>
      <BlueBar />
      <ConnectionBanner />
      <Box component="main" id="main" sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'auto' }}>
        {children}
      </Box>
    </Box>
  );
}
