import PhoneIphoneIcon from '@mui/icons-material/PhoneIphone';
import SettingsIcon from '@mui/icons-material/Settings';
import SmsIcon from '@mui/icons-material/Sms';
import { AppBar, Box, Button, IconButton, Toolbar, Tooltip, Typography } from '@mui/material';
import { useRef, useState, type MouseEvent } from 'react';
import { useNavigate, usePermissions } from 'react-admin';
import { maySeeSettings } from '../common/roles';
import { useDocumentTitle } from '../common/useDocumentTitle';
import { useTrainingMode } from '../common/useTrainingMode';
import type { Permissions } from '../providers/authProvider';
import { ILLINI_BLUE, ILLINI_ORANGE } from '../theme';
import { QueueSwitcher } from './QueueSwitcher';
import { useCurrentQueue } from './useCurrentQueue';
import { useLiveQueueCounts } from './useQueues';
import { UserMenu } from './UserMenu';

/**
 * "The blue bar" of the training document: product name, the current queue with its unread count
 * (a click anywhere on the bar opens the list of queues), the user menu, and Settings for
 * supervisors and managers.
 */
export function BlueBar() {
  const { queue, queues, isPending, error, selectQueue, refetch, totalUnread } = useCurrentQueue();
  const { permissions } = usePermissions<Permissions>();
  const training = useTrainingMode();
  const navigate = useNavigate();
  const queueButton = useRef<HTMLButtonElement>(null);
  const [queuesOpen, setQueuesOpen] = useState(false);
  useLiveQueueCounts(refetch);
  useDocumentTitle(totalUnread);

  const openQueues = () => {
    if (error) void refetch();
    setQueuesOpen(true);
  };
  // Anywhere on the bar except its other controls; clicks inside the (portaled) menus do not count.
  const onBarClick = (event: MouseEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (!event.currentTarget.contains(target) || target.closest('button, a')) return;
    openQueues();
  };

  return (
    <AppBar
      position="static"
      elevation={0}
      onClick={onBarClick}
      sx={{
        bgcolor: ILLINI_BLUE,
        color: '#FFFFFF',
        borderBottom: `3px solid ${ILLINI_ORANGE}`,
        cursor: 'pointer',
        '& *:focus-visible': { outline: `3px solid ${ILLINI_ORANGE}`, outlineOffset: '1px' },
      }}
    >
      <Toolbar variant="dense" sx={{ gap: { xs: 0.5, sm: 1.5 }, minHeight: 56 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexShrink: 0 }}>
          <SmsIcon aria-hidden sx={{ color: ILLINI_ORANGE }} />
          <Typography component="span" sx={{ fontWeight: 700, display: { xs: 'none', lg: 'inline' } }}>
            Illinois Vet Messenger
          </Typography>
        </Box>
        <Box sx={{ minWidth: 0, flexShrink: 1 }}>
          <QueueSwitcher
            queue={queue}
            queues={queues}
            isPending={isPending}
            failed={Boolean(error)}
            open={queuesOpen}
            anchorRef={queueButton}
            onOpen={openQueues}
            onClose={() => setQueuesOpen(false)}
            onSelect={selectQueue}
          />
        </Box>
        <Box sx={{ flexGrow: 1 }} />
        {training && (
          <Button
            color="inherit"
            startIcon={<PhoneIphoneIcon aria-hidden />}
            onClick={() => navigate('/simulator')}
            sx={{ textTransform: 'none', flexShrink: 0, border: `1px solid ${ILLINI_ORANGE}` }}
            aria-label="Phone simulator (training mode)"
          >
            <Box component="span" sx={{ display: { xs: 'none', lg: 'inline' } }}>Phone simulator</Box>
          </Button>
        )}
        <UserMenu />
        {maySeeSettings(permissions) && (
          <Tooltip title="Settings (service supervisors and managers only)">
            <IconButton color="inherit" aria-label="Settings" onClick={() => navigate('/settings')}>
              <SettingsIcon />
            </IconButton>
          </Tooltip>
        )}
      </Toolbar>
    </AppBar>
  );
}
