import { Box, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { formatClock } from '../common/hospital-time';
import type { PhoneText } from './phone-timeline';

/** A phone-shaped screen: the conversation as the client sees it (their texts right, IVM's left). */
export function PhonePanel({ title, texts }: { title: string; texts: PhoneText[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  }, [texts.length]);
  return (
    <Box
      role="region"
      aria-label="The client's phone"
      sx={{ width: '100%', maxWidth: 360, height: { xs: 480, md: 560 }, border: '10px solid #1F2937', borderRadius: '36px', bgcolor: '#FFFFFF', display: 'flex', flexDirection: 'column', overflow: 'hidden', boxShadow: 3 }}
    >
      <Box sx={{ bgcolor: '#F3F4F6', borderBottom: 1, borderColor: 'divider', px: 2, py: 1, textAlign: 'center' }}>
        <Typography variant="body2" sx={{ fontWeight: 700 }}>{title}</Typography>
      </Box>
      <Box ref={scroller} component="ol" aria-live="polite" sx={{ flex: 1, overflowY: 'auto', m: 0, p: 1.5, display: 'flex', flexDirection: 'column', gap: 1 }}>
        {texts.length === 0 && (
          <Typography component="li" variant="body2" sx={{ listStyle: 'none', color: '#4B5563', textAlign: 'center', mt: 4 }}>
            No texts yet. Type below to text the hospital as this client.
          </Typography>
        )}
        {texts.map((text) => (
          <Box key={text.id} component="li" sx={{ listStyle: 'none', alignSelf: text.fromClient ? 'flex-end' : 'flex-start', maxWidth: '80%' }}>
            <Box sx={{ bgcolor: text.fromClient ? '#1D4ED8' : '#E5E7EB', color: text.fromClient ? '#FFFFFF' : '#111827', borderRadius: '18px', px: 1.5, py: 0.75 }}>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text.body}</Typography>
            </Box>
            <Typography variant="caption" sx={{ color: '#4B5563', display: 'block', textAlign: text.fromClient ? 'right' : 'left', px: 1 }}>
              {text.fromClient ? 'Client' : 'IVM'} · {formatClock(text.at)}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
