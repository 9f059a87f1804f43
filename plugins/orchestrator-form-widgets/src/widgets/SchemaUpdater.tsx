import Typography from '@mui/material/Typography';
import type { WidgetProps } from '@rjsf/utils';
import type { SchemaChunksResponse } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { useEffect, useState } from 'react';
import { useWidgetBase } from './useWidgetBase';

function isChunks(v: unknown): v is SchemaChunksResponse {
  return (
    !!v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.values(v).every(
      c => !!c && typeof c === 'object' && !Array.isArray(c),
    )
  );
}

/**
 * Headless: fetches schema chunks (the response, or what
 * `fetch:response:value` selects from it) and hands them to the form's
 * updateSchema, which replaces the same-named properties of the live schema.
 */
export const SchemaUpdater = (props: WidgetProps) => {
  const { uiProps, fetchState, formContext } = useWidgetBase(props);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (fetchState.generation === 0) return;
    const chunks =
      'fetch:response:value' in uiProps
        ? fetchState.selected.value
        : fetchState.response;
    if (!isChunks(chunks)) {
      setError(
        'SchemaUpdater: the response must be an object of schema chunks',
      );
      return;
    }
    setError(undefined);
    formContext?.updateSchema?.(chunks);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetchState.generation]);

  const message = fetchState.error ?? error;
  return message ? (
    <Typography color="error" variant="caption">
      {message}
    </Typography>
  ) : null;
};
