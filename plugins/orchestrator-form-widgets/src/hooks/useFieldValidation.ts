import get from 'lodash/get';
import { useCallback, useEffect, useRef, useState } from 'react';
import { normalizeTemplateKey } from '../templates/templates';
import { UiProps, readRetrigger } from '../uiProps';
import { validateField } from '../validation/validateField';
import { WidgetFormContext } from './types';
import { useWidgetServices } from './useWidgetServices';

/** Validation calls wait for this pause in typing. */
export const VALIDATE_DEBOUNCE_MS = 500;

/**
 * Live `validate:*` checks of one field: on blur, and (debounced) when its
 * value or a `validate:retrigger` value changes after the user touched it.
 * The decorator's getExtraErrors repeats the check on Next/Run.
 */
export function useFieldValidation(options: {
  uiProps: UiProps;
  formContext: WidgetFormContext | undefined;
  fieldName: string;
  value: unknown;
}): { messages: string[]; validateNow: () => void } {
  const { uiProps, formContext, fieldName, value } = options;
  const services = useWidgetServices();
  const enabled = typeof uiProps['validate:url'] === 'string';
  const [messages, setMessages] = useState<string[]>([]);
  const latest = useRef({ uiProps, formContext });
  latest.current = { uiProps, formContext };
  const sequence = useRef(0);
  const controller = useRef<AbortController>();
  const touched = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const run = useCallback(async () => {
    if (!enabled || !services) return;
    const mySequence = ++sequence.current;
    controller.current?.abort();
    controller.current = new AbortController();
    const result = await validateField(
      services.requester,
      latest.current.uiProps,
      {
        formData: latest.current.formContext?.formData ?? {},
        fieldName,
        signal: controller.current.signal,
      },
    );
    if (mySequence === sequence.current) setMessages(result);
  }, [enabled, services, fieldName]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(run, VALIDATE_DEBOUNCE_MS);
  }, [run]);

  const retrigger = JSON.stringify(
    readRetrigger(uiProps['validate:retrigger'])
      .map(normalizeTemplateKey)
      .map(k =>
        k.startsWith('current.')
          ? get(formContext?.formData, k.slice('current.'.length)) ?? null
          : k,
      ),
  );
  const valueKey = JSON.stringify(value ?? null);
  const seen = useRef({ valueKey, retrigger });
  useEffect(() => {
    const changedValue = seen.current.valueKey !== valueKey;
    const changedRetrigger = seen.current.retrigger !== retrigger;
    seen.current = { valueKey, retrigger };
    if (changedValue) touched.current = true;
    if ((changedValue || changedRetrigger) && touched.current) schedule();
  }, [valueKey, retrigger, schedule]);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      controller.current?.abort();
    },
    [],
  );

  const validateNow = useCallback(() => {
    touched.current = true;
    clearTimeout(timer.current);
    run();
  }, [run]);

  return { messages: enabled ? messages : [], validateNow };
}
