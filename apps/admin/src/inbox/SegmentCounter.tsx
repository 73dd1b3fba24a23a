import { Tooltip, Typography } from '@mui/material';
import { ERROR_TEXT, MUTED_TEXT } from '../theme';
import { countSegments } from './sms-segments';

/** The API refuses longer replies. */
export const MAX_REPLY_LENGTH = 1600;

/** "64/160 · 1 segment": what the text costs, by the carrier's GSM-7 (160/153) and Unicode (70/67) rules. */
export function segmentCounterText(text: string): string {
  const { units, segments, perSegment } = countSegments(text);
  return `${units}/${perSegment * segments} · ${segments} ${segments === 1 ? 'segment' : 'segments'}`;
}

export function SegmentCounter({ text }: { text: string }) {
  const { encoding } = countSegments(text);
  const tooLong = text.length > MAX_REPLY_LENGTH;
  const hint = encoding === 'UCS-2'
    ? 'An emoji or special character makes each segment hold 70 characters instead of 160.'
    : 'Each segment holds 160 characters; longer texts are split into parts of 153.';
  return (
    <Tooltip title={hint}>
      <Typography variant="caption" data-testid="segment-counter" tabIndex={0} sx={{ color: tooLong ? ERROR_TEXT : MUTED_TEXT, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {segmentCounterText(text)}
        {encoding === 'UCS-2' && ' · Unicode'}
      </Typography>
    </Tooltip>
  );
}
