import { SwErrorDef, SwWorkflow } from '../model';

/** Java catch-alls SonataFlow workflows use as error codes to mean "any error". */
const CATCH_ALL = [
  'java.lang.Throwable',
  'java.lang.Exception',
  'java.lang.RuntimeException',
];

export function errorCode(e: unknown): string | undefined {
  return (e as { code?: string })?.code;
}

/**
 * Whether the workflow error definition named `ref` covers `e`: its `code`
 * equals the error's code (HTTP status for REST calls), is a Java catch-all,
 * or is absent. Used by `onErrors` and by action `retryableErrors` /
 * `nonRetryableErrors`.
 */
export function errorRefMatches(
  wf: SwWorkflow,
  ref: string,
  e: unknown,
): boolean {
  const defs: SwErrorDef[] = Array.isArray(wf.errors) ? wf.errors : [];
  const def = defs.find(d => d.name === ref);
  if (!def) return false;
  return (
    def.code === undefined ||
    CATCH_ALL.includes(def.code) ||
    def.code === errorCode(e)
  );
}
