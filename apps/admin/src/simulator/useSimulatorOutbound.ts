import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { useLatest } from '../common/useLatest';
import { useSubscribe } from '../live/useSubscribe';
import type { SimulatedText } from '../providers/api-types';
import type { IvmDataProvider } from '../providers/dataProvider';
import { errorMessage } from '../providers/http-client';
import { CONVERSATIONS_TOPIC } from '../providers/realtime-topics';

export const POLL_MS = 1000;

/** What IVM "sent" through the simulator: asked every second, and at once when a text goes out live. */
export function useSimulatorOutbound(enabled: boolean) {
  const dataProvider = useDataProvider<IvmDataProvider>();
  const provider = useLatest(dataProvider);
  const [texts, setTexts] = useState<SimulatedText[]>([]);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const { data } = await provider.current.simulatorOutbound();
      setTexts(data);
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure, 'The simulator could not be reached.'));
    } finally {
      inFlight.current = false;
    }
  }, [provider]);

  useEffect(() => {
    if (!enabled) return;
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, enabled]);
  useSubscribe(enabled ? CONVERSATIONS_TOPIC : null, () => void refresh());

  return { texts, error, refresh };
}
