import { useRef } from 'react';

/** 128 random bits; `getRandomValues` works outside secure contexts, unlike `randomUUID`. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ui-${Array.from(bytes, b => b.toString(16).padStart(2, '0')).join(
    '',
  )}`;
}

/**
 * The idempotency key of one user action (a start or a rerun): the same for every retry of
 * that action, so a start whose answer was lost never becomes two runs; new once the action
 * succeeded or its inputs changed (then it is another action).
 */
export function useStartAttemptKey() {
  const attempt = useRef<{ key: string; fingerprint: string }>();
  return {
    keyFor(request: unknown): string {
      const fingerprint = JSON.stringify(request ?? null);
      if (attempt.current?.fingerprint !== fingerprint) {
        attempt.current = { key: newKey(), fingerprint };
      }
      return attempt.current.key;
    },
    /** The action succeeded: the next one is a new action. */
    done() {
      attempt.current = undefined;
    },
  };
}
