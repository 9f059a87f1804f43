import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';

type Schema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
};

interface InputRow {
  path: string;
  title: string;
  /** The JSON Schema type(s), or undefined when the schema does not say. */
  type?: string;
  /** Allowed values when the field is an enum. */
  oneOf?: string[];
  required: boolean;
  description?: string;
}

/** Flattens the schema's fields (nested objects become `step.field`) for a preview table. */
export function inputRows(schema: Schema, prefix = '', depth = 0): InputRow[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, prop]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const type = Array.isArray(prop.type) ? prop.type.join(' | ') : prop.type;
    const row: InputRow = {
      path,
      title: prop.title ?? key,
      type,
      oneOf: prop.enum?.map(String),
      required: (schema.required ?? []).includes(key),
      description: prop.description,
    };
    return prop.properties && depth < 3
      ? [row, ...inputRows(prop, path, depth + 1)]
      : [row];
  });
}

/** What the run form will ask for, before the user opens it. */
export const InputSchemaCard = ({
  schema,
  loading,
  error,
}: {
  schema?: Record<string, unknown>;
  loading: boolean;
  error?: Error;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  let body;
  if (loading) body = <Progress />;
  else if (error)
    body = <ApiErrorPanel error={error} title={t('inputs.loadError')} />;
  else if (!schema || inputRows(schema as Schema).length === 0) {
    body = (
      <Typography
        variant="body2"
        color="text.secondary"
        data-testid="input-schema-empty"
      >
        {t('inputs.none')}
      </Typography>
    );
  } else {
    body = (
      <Table
        size="small"
        aria-label={t('inputs.title')}
        data-testid="input-schema"
      >
        <TableHead>
          <TableRow>
            <TableCell>{t('inputs.field')}</TableCell>
            <TableCell>{t('inputs.type')}</TableCell>
            <TableCell>{t('inputs.required')}</TableCell>
            <TableCell>{t('inputs.description')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {inputRows(schema as Schema).map(r => (
            <TableRow key={r.path}>
              <TableCell>
                {r.title}
                <Typography
                  variant="caption"
                  color="text.secondary"
                  display="block"
                >
                  {r.path}
                </Typography>
              </TableCell>
              <TableCell>
                {r.oneOf
                  ? t('inputs.oneOf', { values: r.oneOf.join(', ') })
                  : r.type ?? t('inputs.any')}
              </TableCell>
              <TableCell>
                {r.required ? t('common.yes') : t('common.no')}
              </TableCell>
              <TableCell>{r.description ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }
  return <InfoCard title={t('inputs.title')}>{body}</InfoCard>;
};
