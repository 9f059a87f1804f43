import { useEffect, useRef } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { JsonObject } from '@backstage/types';

/**
 * Subscribes to several signal channels at once (a table has one run per row,
 * and `useSignal` takes a single channel). `isSignalsAvailable` is false when
 * the host app has no signals plugin; callers then fall back to polling.
 */
export function useSignalChannels<T extends JsonObject = JsonObject>(
  channels: string[],
  onMessage: (message: T, channel: string) => void,
): { isSignalsAvailable: boolean } {
  const signalApi = useApiHolder().get(signalApiRef);
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const key = [...new Set(channels)].sort().join('\n');

  useEffect(() => {
    if (!signalApi || !key) {
      return undefined;
    }
    const subscriptions = key
      .split('\n')
      .map(channel =>
        signalApi.subscribe<T>(channel, message =>
          handler.current(message, channel),
        ),
      );
    return () => subscriptions.forEach(s => s.unsubscribe());
  }, [signalApi, key]);

  return { isSignalsAvailable: Boolean(signalApi) };
}
