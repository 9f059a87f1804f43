import { DependencyList, useCallback, useEffect, useMemo, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

export interface LiveAsync<T> {
  value?: T;
  error?: Error;
  /** True while a load caused by `deps` runs; `refresh()` never sets it. */
  loading: boolean;
  /** Loads again; settles when that load has. */
  refresh: () => Promise<void>;
}

/**
 * `useAsyncRetry` for data a page keeps current. Three differences matter to
 * live pages: a refresh never blanks the page (live updates would flash a
 * spinner), a failed refresh keeps the last good value beside the error (the
 * "Data may be stale" banner), and a refresh asked for while a load runs is
 * run after it instead of being dropped (that load may predate the change).
 * With `keepPrevious`, a table keeps its rows while another page loads;
 * without it, a page about another object never shows the old one.
 */
export function useLiveAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: { keepPrevious?: boolean } = {},
): LiveAsync<T> {
  // A new object whenever deps change, to tell this object's answers from the previous one's.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const key = useMemo(() => ({}), deps);
  const refreshAsked = useRef(false);
  const latest = useRef<{ key?: object; byRefresh: boolean }>({
    byRefresh: false,
  });
  const state = useAsyncRetry(() => {
    latest.current = { key, byRefresh: refreshAsked.current };
    refreshAsked.current = false;
    return load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // Until the load for new deps has started, the state still describes the old ones.
  const current = latest.current.key === key;
  const kept = useRef<{ key: object; value: T }>();
  if (current && !state.loading && !state.error) {
    kept.current = { key, value: state.value as T };
  }
  const own = kept.current?.key === key ? kept.current : undefined;
  const loadingDeps = !current || (state.loading && !latest.current.byRefresh);
  const settled = current && !state.loading;

  const refresh = useQueuedRetry(state.retry, settled, refreshAsked);

  const shown = own ?? (options.keepPrevious ? kept.current : undefined);
  return {
    value: shown?.value,
    error: loadingDeps ? undefined : state.error,
    loading: loadingDeps,
    refresh,
  };
}

/**
 * `retry` is a no-op while a load runs; this remembers the request and runs
 * it once the load settles, and answers each caller when a load after its
 * request has settled (so polling never has two loads in flight).
 */
function useQueuedRetry(
  retry: () => void,
  settled: boolean,
  refreshAsked: { current: boolean },
): () => Promise<void> {
  const retryRef = useRef(retry);
  retryRef.current = retry;
  const settledRef = useRef(settled);
  settledRef.current = settled;
  const queued = useRef(false);
  const waiting = useRef<(() => void)[]>([]);

  useEffect(() => {
    if (!settled) return;
    if (queued.current) {
      queued.current = false;
      refreshAsked.current = true;
      retryRef.current();
      return;
    }
    waiting.current.splice(0).forEach(resolve => resolve());
  }, [settled, refreshAsked]);

  return useCallback(
    () =>
      new Promise<void>(resolve => {
        waiting.current.push(resolve);
        if (!settledRef.current) {
          queued.current = true;
          return;
        }
        refreshAsked.current = true;
        retryRef.current();
      }),
    [refreshAsked],
  );
}
