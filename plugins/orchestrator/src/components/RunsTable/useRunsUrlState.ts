import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseRunsUrl, RunsUrlState, writeRunsUrl } from './runsUrlState';

/**
 * The runs list's filters, search, sort and page, read from and written to
 * the query string. Each change is a history entry (Back undoes it), except
 * typing in the search box, which replaces the entry instead of adding one
 * per key press.
 */
export function useRunsUrlState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseRunsUrl(params), [params]);
  const update = useCallback(
    (
      patch: (current: RunsUrlState) => Partial<RunsUrlState>,
      replace = false,
    ) =>
      setParams(
        previous => {
          const current = parseRunsUrl(previous);
          return writeRunsUrl(previous, { ...current, ...patch(current) });
        },
        { replace },
      ),
    [setParams],
  );
  return { ...state, update };
}
