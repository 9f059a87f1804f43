import { JsonObject } from '@backstage/types';
import get from 'lodash/get';
import { useEffect, useRef, useState } from 'react';
import { selectAll } from '../selectors/selectors';
import {
  isEmptyValue,
  isSecretTemplateKey,
  normalizeTemplateKey,
} from '../templates/templates';
import {
  UiProps,
  readFlag,
  readResponseSelectors,
  readRetrigger,
} from '../uiProps';
import { WidgetFormContext, WidgetServices } from './types';
import { useWidgetServices } from './useWidgetServices';

/** Quiet time after a retrigger change before refetching (typing in a field). */
export const FETCH_DEBOUNCE_MS = 300;

export type WidgetFetchState = {
  loading: boolean;
  /** Shown at the field; undefined when fine or when `fetch:error:silent`. */
  error?: string;
  response?: unknown;
  /** `fetch:response:<key>` results keyed by `<key>`. */
  selected: Record<string, unknown>;
  /** Counts applied answers, so widgets re-apply a default that repeats. */
  generation: number;
};

type Outcome =
  | { kind: 'skipped' }
  | { kind: 'done'; response: unknown; selected: Record<string, unknown> }
  | { kind: 'failed'; message: string };

/** A change in any retrigger value (only `current.*` can change) refetches. */
function retriggerSignature(keys: string[], formData: JsonObject | undefined) {
  return JSON.stringify(
    keys.map(key =>
      key.startsWith('current.')
        ? get(formData, key.slice('current.'.length)) ?? null
        : key,
    ),
  );
}

async function fetchAndSelect(
  services: WidgetServices,
  uiProps: UiProps,
  formData: JsonObject,
  signal: AbortSignal,
): Promise<Outcome> {
  try {
    if (readFlag(uiProps, 'fetch:error:ignoreUnready')) {
      const keys = readRetrigger(uiProps['fetch:retrigger'])
        .map(normalizeTemplateKey)
        .filter(k => !isSecretTemplateKey(k));
      const values = await services.resolver.resolve(keys, {
        formData,
        allowSecrets: false,
      });
      if (keys.some(k => isEmptyValue(values[k]))) return { kind: 'skipped' };
    }
    const response = await services.requester.fetchJson(uiProps, {
      formData,
      signal,
    });
    const selected = await selectAll(readResponseSelectors(uiProps), response);
    return { kind: 'done', response, selected };
  } catch (e) {
    return { kind: 'failed', message: (e as Error).message ?? String(e) };
  }
}

/**
 * Runs a widget's `fetch:*` request: once on mount, again (debounced) when a
 * `fetch:retrigger` value changes. Superseded answers are dropped. Every fetch
 * is bracketed by the form's handleFetchStarted/handleFetchEnded so Run waits
 * for it, and a required field's failure is reported.
 */
export function useWidgetFetch(options: {
  fieldId: string;
  uiProps: UiProps;
  formContext: WidgetFormContext | undefined;
  required?: boolean;
}): WidgetFetchState {
  const { fieldId, uiProps, formContext, required } = options;
  const services = useWidgetServices();
  const url =
    typeof uiProps['fetch:url'] === 'string' ? uiProps['fetch:url'] : '';
  const signature = retriggerSignature(
    readRetrigger(uiProps['fetch:retrigger']).map(normalizeTemplateKey),
    formContext?.formData,
  );
  const [state, setState] = useState<WidgetFetchState>({
    loading: !!url,
    selected: {},
    generation: 0,
  });

  // Latest values for the async code, without making them effect dependencies.
  const latest = useRef({ uiProps, formContext, required });
  latest.current = { uiProps, formContext, required };
  const sequence = useRef(0);
  const pending = useRef(false);
  const hasFetched = useRef(false);

  useEffect(() => {
    if (!url || !services) return undefined;
    const mySequence = ++sequence.current;
    const controller = new AbortController();
    if (!pending.current) {
      pending.current = true;
      latest.current.formContext?.handleFetchStarted?.(fieldId);
    }
    setState(s => (s.loading ? s : { ...s, loading: true }));
    const delay = hasFetched.current ? FETCH_DEBOUNCE_MS : 0;
    hasFetched.current = true;

    const timer = setTimeout(async () => {
      const current = latest.current;
      const outcome = await fetchAndSelect(
        services,
        current.uiProps,
        current.formContext?.formData ?? {},
        controller.signal,
      );
      if (mySequence !== sequence.current || controller.signal.aborted) return;
      pending.current = false;
      const silent = readFlag(current.uiProps, 'fetch:error:silent');
      const error =
        outcome.kind === 'failed' && !silent ? outcome.message : undefined;
      setState(s => ({
        loading: false,
        error,
        response: outcome.kind === 'done' ? outcome.response : s.response,
        selected: outcome.kind === 'done' ? outcome.selected : s.selected,
        generation: outcome.kind === 'done' ? s.generation + 1 : s.generation,
      }));
      current.formContext?.handleFetchEnded?.(fieldId, {
        error,
        required: current.required,
      });
    }, delay);

    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url, signature, fieldId, services]);

  // Leaving the page mid-fetch must not leave the form waiting forever.
  useEffect(
    () => () => {
      if (pending.current) {
        pending.current = false;
        latest.current.formContext?.handleFetchEnded?.(fieldId);
      }
    },
    [fieldId],
  );

  return state;
}
