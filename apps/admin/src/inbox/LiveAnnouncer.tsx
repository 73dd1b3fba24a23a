import { visuallyHidden } from '../common/visually-hidden';

/** A polite live region: screen readers read new texts as they arrive, without moving focus. */
export function LiveAnnouncer({ message }: { message: string }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" style={visuallyHidden}>
      {message}
    </div>
  );
}
