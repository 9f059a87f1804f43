import { useCallback, useState } from 'react';

/**
 * Counts the widget fetches under way and remembers which required field's
 * fetch failed: Run waits for the former and is blocked by the latter.
 */
export function useFetchTracker() {
  const [pending, setPending] = useState<Record<string, number>>({});
  const [failed, setFailed] = useState<Record<string, string>>({});

  const handleFetchStarted = useCallback((fieldId: string) => {
    setPending(p => ({ ...p, [fieldId]: (p[fieldId] ?? 0) + 1 }));
  }, []);

  const handleFetchEnded = useCallback(
    (fieldId: string, outcome?: { error?: string; required?: boolean }) => {
      setPending(p => {
        const { [fieldId]: count = 0, ...rest } = p;
        return count > 1 ? { ...rest, [fieldId]: count - 1 } : rest;
      });
      setFailed(f => {
        const { [fieldId]: _previous, ...rest } = f;
        return outcome?.error && outcome.required
          ? { ...rest, [fieldId]: outcome.error }
          : rest;
      });
    },
    [],
  );

  const pendingCount = Object.keys(pending).length;
  const failures = Object.values(failed);
  let blockedReason: string | undefined;
  if (failures.length) {
    blockedReason = `A required value could not be loaded: ${failures[0]}`;
  } else if (pendingCount) {
    blockedReason = 'Waiting for values to load…';
  }
  return {
    handleFetchStarted,
    handleFetchEnded,
    pending: pendingCount,
    blockedReason,
  };
}
