import SmsIcon from '@mui/icons-material/Sms';
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useLogin } from 'react-admin';
import { TrainingBanner } from '../common/TrainingBanner';
import { useTrainingMode } from '../common/useTrainingMode';
import { ILLINI_BLUE, ILLINI_ORANGE, MUTED_TEXT } from '../theme';

/** Sign in with the SANDI username and password (IVM uses SANDI's logins and permissions). */
export function LoginPage() {
  const login = useLogin();
  const training = useTrainingMode();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('Enter your SANDI username and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login({ username, password });
    } catch (failure) {
      setError((failure as Error)?.message || 'Signing in failed. Try again.');
      setBusy(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100dvh', bgcolor: 'background.default', display: 'flex', flexDirection: 'column' }}>
      <Box component="header" sx={{ bgcolor: ILLINI_BLUE, color: '#FFFFFF', borderBottom: `3px solid ${ILLINI_ORANGE}`, px: 3, py: 1.5, display: 'flex', alignItems: 'center', gap: 1 }}>
        <SmsIcon aria-hidden sx={{ color: ILLINI_ORANGE }} />
        <Typography component="span" sx={{ fontWeight: 700 }}>Illinois Vet Messenger</Typography>
      </Box>
      {training && <TrainingBanner />}
      <Box component="main" sx={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', p: 2, pt: { xs: 4, md: 10 } }}>
        <Card sx={{ width: '100%', maxWidth: 400 }}>
          <CardContent component="form" onSubmit={(event) => void submit(event)} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Typography component="h1" variant="h5" sx={{ fontWeight: 700, color: ILLINI_BLUE }}>Sign in</Typography>
            <Typography variant="body2" sx={{ color: MUTED_TEXT }}>Use your SANDI username and password.</Typography>
            <TextField
              label="SANDI username"
              autoFocus
              autoComplete="username"
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              disabled={busy}
              required
            />
            <TextField
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              disabled={busy}
              required
            />
            {error && <Alert severity="error" role="alert">{error}</Alert>}
            <Button type="submit" variant="contained" size="large" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </Button>
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
}
