import { MarkdownContent } from '@backstage/core-components';
import Typography from '@mui/material/Typography';
import type { TypographyProps } from '@mui/material/Typography';
import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { useWidgetServices } from '../hooks/useWidgetServices';
import {
  collectTemplateKeys,
  substituteTemplates,
} from '../templates/templates';
import { useWidgetBase } from './useWidgetBase';

/**
 * Read-only Markdown from `ui:text`, whose templates may use form values,
 * Backstage identity/config and this widget's `fetch:response:<key>` values.
 * Credential templates render empty: tokens are never put on screen.
 */
export const ActiveText = (props: WidgetProps) => {
  const { id } = props;
  const { uiProps, fetchState, formContext } = useWidgetBase(props);
  const services = useWidgetServices();
  const template =
    typeof uiProps['ui:text'] === 'string' ? uiProps['ui:text'] : '';
  const variant = uiProps['ui:variant'] as TypographyProps['variant'];
  const [text, setText] = useState<string>();

  const formData = formContext?.formData;
  const formDataKey = JSON.stringify(formData ?? {});
  useEffect(() => {
    if (!services) return undefined;
    let live = true;
    services.resolver
      .resolve(collectTemplateKeys(template), {
        formData: formData ?? {},
        responseValues: fetchState.selected,
        allowSecrets: false,
      })
      .then(
        values => {
          const result = substituteTemplates(template, values);
          const shown =
            typeof result === 'string' ? result : JSON.stringify(result ?? '');
          if (live) setText(shown);
        },
        () => live && setText(''),
      );
    return () => {
      live = false;
    };
    // formDataKey stands for formData's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, template, formDataKey, fetchState.generation]);

  return (
    <Typography id={id} variant={variant ?? 'body1'} component="div">
      {text !== undefined && <MarkdownContent content={text} />}
      {fetchState.error && (
        <Typography color="error" variant="caption">
          {fetchState.error}
        </Typography>
      )}
    </Typography>
  );
};
