import type { WidgetProps } from '@rjsf/utils';
import { useCallback, useRef } from 'react';
import { WidgetFormContext } from '../hooks/types';
import { useWidgetFetch } from '../hooks/useWidgetFetch';
import { readUiProps } from '../uiProps';

/**
 * What every data-driven widget starts from: its `ui:props`, its fetch, and
 * whether the user changed the field (fetched defaults must not overwrite a
 * user's input). The flag lives in the form context so it survives step
 * changes; a local ref stands in when there is no form context.
 */
export function useWidgetBase(props: WidgetProps) {
  const formContext = props.formContext as WidgetFormContext | undefined;
  const uiProps = readUiProps(props.uiSchema);
  const fetchState = useWidgetFetch({
    fieldId: props.id,
    uiProps,
    formContext,
    required: props.required,
  });
  const changedLocally = useRef(false);
  const { id } = props;
  const isChangedByUser = useCallback(
    () => formContext?.getIsChangedByUser?.(id) ?? changedLocally.current,
    [formContext, id],
  );
  const markChangedByUser = useCallback(() => {
    changedLocally.current = true;
    formContext?.setIsChangedByUser?.(id, true);
  }, [formContext, id]);
  return {
    formContext,
    uiProps,
    fetchState,
    isChangedByUser,
    markChangedByUser,
  };
}

/**
 * The text under a widget: its own fetch/selector/validation messages, minus
 * those RJSF already shows (rawErrors come from getExtraErrors on Next/Run).
 */
export function widgetMessages(
  own: Array<string | undefined>,
  rawErrors: string[] | undefined,
): string | undefined {
  const shown = new Set(rawErrors ?? []);
  const text = own.filter((m): m is string => !!m && !shown.has(m));
  return text.length ? [...new Set(text)].join(' ') : undefined;
}

/** Runs a selector conversion, turning its error into a message. */
export function tryConvert<T>(
  convert: () => T,
  fallback: T,
): { value: T; error?: string } {
  try {
    return { value: convert() };
  } catch (e) {
    return { value: fallback, error: (e as Error).message };
  }
}
