import { InputError } from '@backstage/errors';
import type { FieldErrorDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { AuthToken } from './WorkflowRuntimeClient';

/** Provider ids become header names (`X-Authorization-<Provider>`). */
const PROVIDER = /^[A-Za-z0-9_-]{1,64}$/;
/** A header value: printable ASCII only, so CR/LF/NUL can neither break nor forge headers. */
const TOKEN = /^[\x20-\x7E]+$/;
export const MAX_TOKEN_LENGTH = 4096;
const MAX_TOKENS = 20;

/**
 * Checks `authTokens` before anything else happens with a request, so a bad token is a 400
 * naming its field and never reaches a header builder, an error message, a log line or an
 * audit event. The value itself is never quoted, not even in part.
 */
export function assertAuthTokens(
  tokens: unknown,
  field = '/authTokens',
): AuthToken[] | undefined {
  if (tokens === undefined || tokens === null) return undefined;
  const details: FieldErrorDTO[] = [];
  if (!Array.isArray(tokens) || tokens.length > MAX_TOKENS) {
    details.push({
      path: field,
      message: `must be a list of at most ${MAX_TOKENS} tokens`,
    });
  } else {
    tokens.forEach((entry, i) => {
      const provider = (entry as AuthToken | undefined)?.provider;
      const token = (entry as AuthToken | undefined)?.token;
      if (typeof provider !== 'string' || !PROVIDER.test(provider)) {
        details.push({
          path: `${field}/${i}/provider`,
          message: 'must be 1 to 64 letters, digits, _ or -',
        });
      }
      if (
        typeof token !== 'string' ||
        token.length > MAX_TOKEN_LENGTH ||
        !TOKEN.test(token)
      ) {
        details.push({
          path: `${field}/${i}/token`,
          message: `must be 1 to ${MAX_TOKEN_LENGTH} printable ASCII characters`,
        });
      }
    });
  }
  if (details.length) {
    throw Object.assign(
      new InputError(
        `Invalid auth tokens: ${details.map(d => d.path).join(', ')}`,
      ),
      { details },
    );
  }
  return tokens as AuthToken[];
}
