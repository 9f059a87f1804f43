import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const KIND = /^[A-Za-z][A-Za-z0-9-]*$/;
/** Backstage's name/namespace alphabet: letters and digits, separated by `-`, `_` or `.`. */
const PART = /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;
export const MAX_ENTITY_REF_LENGTH = 512;

/**
 * A catalog entity ref as Backstage parses it (`[<kind>:][<namespace>/]<name>`), each part in
 * the catalog's alphabet, at most 512 characters (the run store's column). Returns the ref as
 * given; a malformed one is a 400 naming `path`.
 */
export function assertEntityRef(value: unknown, path: string): string {
  let valid = false;
  if (typeof value === 'string' && value.length <= MAX_ENTITY_REF_LENGTH) {
    try {
      const ref = parseEntityRef(value, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      });
      valid =
        KIND.test(ref.kind) && PART.test(ref.namespace) && PART.test(ref.name);
    } catch {
      valid = false;
    }
  }
  if (!valid) {
    const message = `must be an entity ref like component:default/my-service, at most ${MAX_ENTITY_REF_LENGTH} characters`;
    throw Object.assign(new InputError(`${path} ${message}`), {
      details: [{ path, message }],
    });
  }
  return value as string;
}
