import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import LogoutIcon from '@mui/icons-material/Logout';
import { Button, Divider, ListItemIcon, ListItemText, Menu, MenuItem, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useGetIdentity, useLogout, usePermissions } from 'react-admin';
import { ROLE_NAMES } from '../common/roles';
import type { Permissions } from '../providers/authProvider';

/** The signed-in person's name in the blue bar; its menu signs out. */
export function UserMenu() {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Permissions>();
  const logout = useLogout();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const name = identity?.fullName ?? '';
  return (
    <>
      <Button
        ref={anchor}
        id="user-menu-button"
        color="inherit"
        onClick={() => setOpen(true)}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'user-menu' : undefined}
        aria-label={name ? `${name}: account menu` : 'Account menu'}
        endIcon={<ArrowDropDownIcon aria-hidden />}
        sx={{ textTransform: 'none', minWidth: 0 }}
      >
        <Typography component="span" noWrap sx={{ font: 'inherit', maxWidth: { xs: 96, md: 200 } }}>{name}</Typography>
      </Button>
      <Menu id="user-menu" anchorEl={anchor.current} open={open} onClose={() => setOpen(false)} slotProps={{ list: { 'aria-labelledby': 'user-menu-button' } }}>
        <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
          <ListItemText primary={name} secondary={permissions ? ROLE_NAMES[permissions.role] : undefined} />
        </MenuItem>
        <Divider />
        <MenuItem onClick={() => logout()}>
          <ListItemIcon><LogoutIcon fontSize="small" aria-hidden /></ListItemIcon>
          Sign out
        </MenuItem>
      </Menu>
    </>
  );
}
