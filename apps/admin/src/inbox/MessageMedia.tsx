import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Box, Link } from '@mui/material';
import type { Message } from '../providers/api-types';

/** Only web addresses become links or images: a `javascript:` URL in a text stays inert. */
function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Photos as thumbnails (click for full size), other attachments as links. */
export function MessageMedia({ media }: { media: Message['media'] }) {
  if (media.length === 0) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 0.5 }}>
      {media.map((item, index) => {
        const href = safeUrl(item.url);
        if (!href) return <Box key={index} component="span">Attachment with an unusable address</Box>;
        if (item.contentType?.startsWith('image/')) {
          return (
            <Link key={index} href={href} target="_blank" rel="noopener noreferrer" aria-label={`Photo ${index + 1} (opens in a new tab)`}>
              <Box component="img" src={href} alt={`Photo ${index + 1} sent with the text`} loading="lazy" sx={{ display: 'block', maxWidth: 200, maxHeight: 160, borderRadius: 1, objectFit: 'cover' }} />
            </Link>
          );
        }
        return (
          <Link key={index} href={href} target="_blank" rel="noopener noreferrer" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            <AttachFileIcon fontSize="small" aria-hidden />
            Attachment {index + 1}{item.contentType ? ` (${item.contentType})` : ''}
          </Link>
        );
      })}
    </Box>
  );
}
