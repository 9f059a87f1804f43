import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

export interface Refreshable<T> {
  value?: T;
  error?: Error;
  /** True while a load caused by `deps` runs; `refresh()` never sets it. */
  loading: boolean;
  refresh: () => Promise<void>;
}

/**
 * Loads once per `deps` change and can be refreshed without blanking the page
 * (live updates would otherwise flash a spinner). Answers of superseded calls
 * are dropped so a slow old response never overwrites a newer one.
 */
export function useRefreshable<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: { keepPrevious?: boolean } = {},
): Refreshable<T> {
  const keepPrevious = Boolean(options.keepPrevious);
  const [state, setState] = useState<{
    value?: T;
    error?: Error;
    loading: boolean;
  }>({ loading: true });
  const generation = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const loadCb = useCallback(load, deps);

  const run = useCallback(
    async (reset: boolean) => {
      const mine = ++generation.current;
      if (reset) {
        // tables keep their rows while the next page loads; pages about
        // another object must not show the old one
        setState(prev => ({
          value: keepPrevious ? prev.value : undefined,
          loading: true,
        }));
      }
      try {
        const value = await loadCb();
        if (mine === generation.current) setState({ value, loading: false });
      } catch (e) {
        if (mine === generation.current) {
          setState(prev => ({
            value: prev.value,
            error: e as Error,
            loading: false,
          }));
        }
      }
    },
    [loadCb, keepPrevious],
  );

  useEffect(() => {
    run(true);
  }, [run]);

  const refresh = useCallback(() => run(false), [run]);
  return { ...state, refresh };
}
