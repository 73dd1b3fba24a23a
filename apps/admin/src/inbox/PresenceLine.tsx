import { Typography } from '@mui/material';
import type { Person } from '../providers/realtime-contract';
import { MUTED_TEXT } from '../theme';

const firstName = (person: Person) => person.displayName.split(' ')[0] || person.username;

function names(people: Person[]): string {
  const list = people.map(firstName);
  return list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** "Kim is viewing · Kim is typing…": so two people do not answer the same client at once. */
export function PresenceLine({ viewers, typing }: { viewers: Person[]; typing: Person[] }) {
  const parts: string[] = [];
  if (viewers.length > 0) parts.push(`${names(viewers)} ${viewers.length === 1 ? 'is' : 'are'} viewing`);
  if (typing.length > 0) parts.push(`${names(typing)} ${typing.length === 1 ? 'is' : 'are'} typing…`);
  return (
    <Typography variant="caption" aria-live="polite" sx={{ color: MUTED_TEXT, px: { xs: 1.5, md: 3 }, minHeight: 20, display: 'block' }}>
      {parts.join(' · ')}
    </Typography>
  );
}
