import SendIcon from '@mui/icons-material/Send';
import { Alert, Autocomplete, Box, Button, Chip, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useDataProvider } from 'react-admin';
import { HOSPITAL_NUMBERS } from '../common/hospital-numbers';
import { formatPhone, toE164 } from '../common/phone-format';
import { TrainingBanner } from '../common/TrainingBanner';
import { useTrainingMode } from '../common/useTrainingMode';
import type { IvmDataProvider } from '../providers/dataProvider';
import { errorMessage } from '../providers/http-client';
import { MUTED_TEXT } from '../theme';
import { DEMO_PHONES, type DemoPhone } from './demo-clients';
import { PhonePanel } from './PhonePanel';
import { phoneTimeline } from './phone-timeline';
import { useClientTexts } from './useClientTexts';
import { useSimulatorOutbound } from './useSimulatorOutbound';

/** Keywords people practise with: the training document's opt-in and the carrier's rules. */
const QUICK_TEXTS = ['Hi', 'YES', 'HELP', 'STOP', 'START'];

const optionLabel = (option: DemoPhone | string) => (typeof option === 'string' ? option : `${option.label} · ${formatPhone(option.phone)}`);

/**
 * Training mode only: text IVM as a client from any phone to any of the three hospital numbers,
 * and watch IVM's automatic replies and the staff's answers arrive on the phone.
 */
export function SimulatorPage() {
  const training = useTrainingMode();
  const dataProvider = useDataProvider<IvmDataProvider>();
  const [phoneInput, setPhoneInput] = useState(formatPhone(DEMO_PHONES[0].phone));
  const [hospitalNumber, setHospitalNumber] = useState(HOSPITAL_NUMBERS[0].e164);
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clientPhone = toE164(phoneInput) ?? '';
  const [clientTexts, addClientText] = useClientTexts(clientPhone, hospitalNumber);
  const outbound = useSimulatorOutbound(training === true);

  if (training === false) {
    return (
      <Box sx={{ p: 3 }}>
        <Alert severity="info">The phone simulator is only available in training mode. This IVM sends real texts through Twilio.</Alert>
      </Box>
    );
  }

  const send = async (text: string) => {
    if (!clientPhone) {
      setError('Enter the client phone as 10 digits, such as (217) 555-0101.');
      return;
    }
    if (!text.trim()) return;
    setSending(true);
    setError(null);
    try {
      const { data } = await dataProvider.simulateInbound({ from: clientPhone, to: hospitalNumber, body: text });
      addClientText({ id: data.providerMessageId, fromClient: true, body: text, at: new Date().toISOString(), mediaUrls: [] });
      setBody('');
      void outbound.refresh();
    } catch (failure) {
      setError(errorMessage(failure, 'The text could not be sent to IVM.'));
    } finally {
      setSending(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(body);
  };
  const number = HOSPITAL_NUMBERS.find((item) => item.e164 === hospitalNumber) ?? HOSPITAL_NUMBERS[0];
  const texts = phoneTimeline(clientTexts, outbound.texts, clientPhone, hospitalNumber);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <TrainingBanner detail="IVM's replies appear on this phone instead of a real one." />
      <Box sx={{ display: 'flex', gap: 4, p: { xs: 2, md: 3 }, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Box component="section" aria-labelledby="simulator-title" sx={{ flex: '1 1 320px', maxWidth: 520, display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography id="simulator-title" component="h1" variant="h5" sx={{ fontWeight: 700 }}>Phone simulator</Typography>
          <Typography sx={{ color: MUTED_TEXT }}>
            Pick a client phone and the hospital number they text, then type as the client. The texts reach the inbox like real ones.
          </Typography>
          <Autocomplete
            freeSolo
            options={DEMO_PHONES}
            getOptionLabel={optionLabel}
            inputValue={phoneInput}
            onInputChange={(_, value, reason) => {
              if (reason !== 'reset') setPhoneInput(value);
            }}
            onChange={(_, value) => {
              if (value && typeof value !== 'string') setPhoneInput(formatPhone(value.phone));
            }}
            renderInput={(params) => (
              <TextField
                {...params}
                label="Client phone"
                helperText={phoneInput && !clientPhone ? 'Not a phone number yet: 10 digits, such as (217) 555-0101' : 'A demo SANDI client, or any number'}
                error={Boolean(phoneInput) && !clientPhone}
              />
            )}
          />
          <FormControl>
            <FormLabel id="hospital-number-label">Hospital number texted</FormLabel>
            <RadioGroup aria-labelledby="hospital-number-label" value={hospitalNumber} onChange={(event) => setHospitalNumber(event.target.value)}>
              {HOSPITAL_NUMBERS.map((item) => (
                <FormControlLabel key={item.e164} value={item.e164} control={<Radio />} label={`${item.queue} · ${item.display}`} />
              ))}
            </RadioGroup>
          </FormControl>
          <Box component="form" onSubmit={onSubmit} sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
              <TextField
                fullWidth
                multiline
                maxRows={4}
                label="Text as the client"
                value={body}
                onChange={(event) => setBody(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                    event.preventDefault();
                    void send(body);
                  }
                }}
              />
              <Button type="submit" variant="contained" disabled={sending || !body.trim()} endIcon={<SendIcon aria-hidden />} sx={{ minHeight: 56 }}>
                {sending ? 'Sending…' : 'Send'}
              </Button>
            </Box>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
              <Typography variant="caption" sx={{ color: MUTED_TEXT }}>Quick texts:</Typography>
              {QUICK_TEXTS.map((text) => (
                <Chip key={text} label={text} onClick={() => void send(text)} disabled={sending} variant="outlined" />
              ))}
            </Box>
          </Box>
          {error && <Alert severity="error" role="alert">{error}</Alert>}
          {outbound.error && <Alert severity="warning">IVM's replies could not be fetched: {outbound.error}</Alert>}
        </Box>
        <PhonePanel title={`${number.queue} · ${number.display}${clientPhone ? ` → ${formatPhone(clientPhone)}` : ''}`} texts={texts} />
      </Box>
    </Box>
  );
}
