import { InputError, NotFoundError } from '@backstage/errors';
import {
  FieldErrorDTO,
  spec,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { ErrorRequestHandler, RequestHandler } from 'express';

type Operation = { requestBody?: { content?: Record<string, any> } };

/**
 * Turns request-shape failures into answers a client can act on. The OpenAPI router reports
 * only a sentence (its error transformer drops the validator's error list), so a 400 of the
 * request schema is re-checked here against the same document with every error collected, and
 * answered with all of them in `details` (JSON pointers into the body). Bodies over the limit
 * are a 413, not a 400.
 */
export function requestErrorHandler(): ErrorRequestHandler {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateSchema: false,
  });
  addFormats(ajv);
  ajv.addSchema({ $id: 'orchestrator', components: spec.components } as any);
  const bodies = bodyValidators(ajv);

  return (error, req, _res, next) => {
    if (error?.type === 'entity.too.large') {
      next(
        Object.assign(
          new Error(`Request body exceeds the limit of ${error.limit} bytes`),
          { name: 'PayloadTooLargeError', statusCode: 413 },
        ),
      );
      return;
    }
    if (
      error?.name === 'InputError' &&
      !(error as { details?: unknown }).details &&
      /^request[/.]/.test(error.message)
    ) {
      const validate = bodies.find(b => b.matches(req.method, req.path));
      const details =
        validate && !validate.check(req.body ?? {})
          ? fieldErrors(validate.check.errors ?? [])
          : parseMessage(error.message);
      next(
        Object.assign(
          new InputError(
            `Invalid request: ${details
              .map(d => `${d.path || '/'} ${d.message}`)
              .join('; ')}`,
          ),
          { details },
        ),
      );
      return;
    }
    next(error);
  };
}

/** Unknown routes under the plugin: a JSON 404 like every other error. */
export function unknownRoute(): RequestHandler {
  return (req, _res, next) =>
    next(
      new NotFoundError(
        `No route ${req.method} ${req.path.slice(
          0,
          200,
        )} in the Orchestrator API`,
      ),
    );
}

function bodyValidators(ajv: Ajv) {
  const result: {
    matches: (method: string, path: string) => boolean;
    check: ValidateFunction;
  }[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(
      item as Record<string, Operation>,
    )) {
      const schema = op?.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      const check = ajv.compile(rebase(schema));
      result.push({
        matches: (m, p) => m.toLowerCase() === method && pattern.test(p),
        check,
      });
    }
  }
  return result;
}

/** Pointers name the offending property too (a missing or an unexpected one). */
function fieldErrors(errors: ErrorObject[]): FieldErrorDTO[] {
  return errors.map(e => {
    const params = e.params as {
      missingProperty?: string;
      additionalProperty?: string;
    };
    const property = params.missingProperty ?? params.additionalProperty;
    return {
      path: `${e.instancePath}${property ? `/${property}` : ''}`,
      message: e.message ?? 'is invalid',
      keyword: e.keyword,
    };
  });
}

/** `#/components/...` refs of an operation point into the document added as `orchestrator`. */
function rebase(schema: unknown): object {
  return JSON.parse(
    JSON.stringify(schema).replace(
      /"#\/components\//g,
      '"orchestrator#/components/',
    ),
  );
}

/** Fallback for parameters: the validator's sentence, one entry per `request/...` clause. */
function parseMessage(message: string): FieldErrorDTO[] {
  return message.split(/, (?=request[/.])/).map(part => {
    const match = /^request[/.](body|params|query|headers)?([^ ]*) (.*)$/.exec(
      part,
    );
    if (!match) return { path: '', message: part };
    const [, location, rest, text] = match;
    const path =
      location === 'body' || !location
        ? rest.replace(/\./g, '/')
        : `/${location}${rest.replace(/\./g, '/')}`;
    return { path, message: text };
  });
}
