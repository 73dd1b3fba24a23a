import { useEffect } from 'react';
import { useDataProvider } from 'react-admin';
import { useLatest } from '../common/useLatest';
import type { IvmDataProvider } from '../providers/dataProvider';
import type { RealtimeEvent } from '../providers/realtime-topics';

/**
 * The one hook between screens and live events: subscribes to a react-admin realtime topic
 * (`resource/conversations`, `resource/conversations/<id>`, …) through the data provider for as
 * long as the component shows it. Pass null to listen to nothing.
 */
export function useSubscribe<T = unknown>(topic: string | null, callback: (event: RealtimeEvent<T>) => void): void {
  const provider = useLatest(useDataProvider<IvmDataProvider>());
  const latestCallback = useLatest(callback);

  useEffect(() => {
    if (!topic) return;
    // The provider is read from a ref: react-admin may hand out a new proxy of the same provider
    // on a re-render, which must not cost an unsubscribe/subscribe round.
    const target = provider.current;
    const listener = (event: RealtimeEvent<T>) => latestCallback.current(event);
    void target.subscribe(topic, listener);
    return () => {
      void target.unsubscribe(topic, listener);
    };
  }, [topic, provider, latestCallback]);
}
