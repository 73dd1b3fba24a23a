import { Box, Skeleton } from '@mui/material';

/** Shapes of rows while the first page loads (no spinner: the list keeps its size). */
export function ConversationListSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Box role="status" aria-label="Loading conversations" sx={{ px: 2 }}>
      {Array.from({ length: rows }, (_, index) => (
        <Box key={index} sx={{ py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
          <Skeleton variant="text" width="60%" />
          <Skeleton variant="text" width="85%" />
        </Box>
      ))}
    </Box>
  );
}
