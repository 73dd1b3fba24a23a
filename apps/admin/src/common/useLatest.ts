import { useEffect, useRef, type RefObject } from 'react';

/**
 * A ref holding the latest value given: long-lived listeners (socket events, timers) read it, so
 * they act on the current props without being torn down and set up again at every render.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
