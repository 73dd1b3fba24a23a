import SearchIcon from '@mui/icons-material/Search';
import { InputAdornment, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLatest } from '../common/useLatest';

export const SEARCH_LABEL = 'Search name, pet, phone';

/** Filters as you type; the list asks the API once the typing pauses. */
export function ConversationSearch({ onSearch, delayMs = 250 }: { onSearch: (q: string) => void; delayMs?: number }) {
  const [text, setText] = useState('');
  const latest = useLatest(onSearch);
  useEffect(() => {
    const timer = setTimeout(() => latest.current(text.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs, latest]);
  return (
    <TextField
      type="search"
      size="small"
      fullWidth
      placeholder={SEARCH_LABEL}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && text) {
          event.stopPropagation();
          setText('');
        }
      }}
      slotProps={{
        htmlInput: { 'aria-label': SEARCH_LABEL },
        input: { startAdornment: <InputAdornment position="start"><SearchIcon aria-hidden /></InputAdornment> },
      }}
    />
  );
}
