import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { WidgetProps } from '@rjsf/utils';
import { useEffect } from 'react';
import { useFieldValidation } from '../hooks/useFieldValidation';
import { asStringArray } from '../selectors/selectors';
import { tryConvert, useWidgetBase, widgetMessages } from './useWidgetBase';

/**
 * Text input whose default is fetched (applied only while the user has not
 * typed), with optional fetched autocomplete and remote validation.
 */
export const ActiveTextInput = (props: WidgetProps) => {
  const { id, name, label, value, required, disabled, readonly, rawErrors } =
    props;
  const { onChange, onBlur, onFocus, placeholder } = props;
  const base = useWidgetBase(props);
  const { fetchState, isChangedByUser, markChangedByUser } = base;
  const validation = useFieldValidation({
    uiProps: base.uiProps,
    formContext: base.formContext,
    fieldName: name,
    value,
  });

  const fetchedDefault =
    fetchState.selected.default ?? fetchState.selected.value;
  useEffect(() => {
    if (fetchState.generation === 0 || isChangedByUser()) return;
    if (
      typeof fetchedDefault === 'string' ||
      typeof fetchedDefault === 'number'
    ) {
      if (fetchedDefault !== value) onChange(fetchedDefault);
    }
    // Only a new answer applies a default, not every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetchState.generation]);

  const autocomplete = tryConvert(
    () =>
      asStringArray(
        fetchState.selected.autocomplete,
        'fetch:response:autocomplete',
      ),
    [],
  );
  const text = value === undefined || value === null ? '' : String(value);
  const setByUser = (next: string) => {
    markChangedByUser();
    onChange(next === '' ? props.options.emptyValue : next);
  };
  const helperText = widgetMessages(
    [fetchState.error, autocomplete.error, ...validation.messages],
    rawErrors,
  );
  const inputProps = {
    label,
    required,
    placeholder,
    error: !!helperText || (rawErrors?.length ?? 0) > 0,
    helperText,
    onBlur: () => {
      validation.validateNow();
      onBlur(id, value);
    },
    onFocus: () => onFocus(id, value),
  };

  if (autocomplete.value.length === 0) {
    return (
      <TextField
        id={id}
        fullWidth
        value={text}
        disabled={disabled || readonly}
        onChange={e => setByUser(e.target.value)}
        {...inputProps}
        InputLabelProps={text ? { shrink: true } : undefined}
      />
    );
  }
  return (
    <Autocomplete
      id={id}
      freeSolo
      options={autocomplete.value}
      value={text || null}
      inputValue={text}
      disabled={disabled || readonly}
      onChange={(_, next) => setByUser(next ?? '')}
      onInputChange={(_, next, reason) => {
        if (reason === 'input') setByUser(next);
      }}
      renderInput={params => (
        <TextField
          {...params}
          fullWidth
          {...inputProps}
          // A value set by a fetch (not typed) must still lift the label and open the
          // outline's notch, or the label is drawn over the value.
          InputLabelProps={{
            ...params.InputLabelProps,
            ...(text ? { shrink: true } : {}),
          }}
          InputProps={{
            ...params.InputProps,
            ...(text ? { notched: true } : {}),
          }}
        />
      )}
    />
  );
};
