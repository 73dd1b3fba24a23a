import { Alert, Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { usePermissions } from 'react-admin';
import { maySeeSettings } from '../common/roles';
import type { Permissions } from '../providers/authProvider';
import { MUTED_TEXT } from '../theme';

const COMING = [
  ['Queues', 'names, numbers and who works them'],
  ['Business hours and closures', 'when the after-hours reply is sent'],
  ['Messages', 'opt-in prompt, welcome, help and after-hours texts, with the compliance checklist'],
  ['Templates', 'ready-made replies'],
  ['Contacts', 'consent history and blocked clients'],
  ['Audit log', 'who did what, exportable'],
  ['Users and job runs', ''],
];

/** Settings are for service supervisors and managers only; the portal that fills this page comes later. */
export function SettingsPage() {
  const { permissions, isPending } = usePermissions<Permissions>();
  if (isPending) return null;
  if (!maySeeSettings(permissions)) {
    return (
      <Box sx={{ p: 3 }}>
        <Alert severity="info">Settings are for service supervisors and managers only. See your supervisor if something needs changing.</Alert>
      </Box>
    );
  }
  return (
    <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 760 }}>
      <Typography component="h1" variant="h5" sx={{ fontWeight: 700, mb: 1 }}>Settings</Typography>
      <Alert severity="info" sx={{ mb: 2 }}>
        Settings arrive with the supervisor portal. Until then, ask IT to change queues, hours or automatic messages.
      </Alert>
      <Typography sx={{ color: MUTED_TEXT }}>What this page will hold:</Typography>
      <List dense>
        {COMING.map(([name, what]) => (
          <ListItem key={name} disableGutters>
            <ListItemText primary={name} secondary={what || undefined} />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
