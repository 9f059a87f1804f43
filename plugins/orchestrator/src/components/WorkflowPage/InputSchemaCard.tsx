import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
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
  type: string;
  required: boolean;
  description?: string;
}

/** Flattens the schema's fields (nested objects become `step.field`) for a preview table. */
export function inputRows(schema: Schema, prefix = '', depth = 0): InputRow[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, prop]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const type = Array.isArray(prop.type)
      ? prop.type.join(' | ')
      : prop.type ?? 'any';
    const row: InputRow = {
      path,
      title: prop.title ?? key,
      type: prop.enum ? `one of ${prop.enum.map(String).join(', ')}` : type,
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
  let body;
  if (loading) body = <Progress />;
  else if (error)
    body = (
      <ApiErrorPanel error={error} title="Could not load the input schema" />
    );
  else if (!schema || inputRows(schema as Schema).length === 0) {
    body = (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="input-schema-empty"
      >
        This workflow takes no inputs.
      </Typography>
    );
  } else {
    body = (
      <Table size="small" aria-label="Inputs" data-testid="input-schema">
        <TableHead>
          <TableRow>
            <TableCell>Field</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Required</TableCell>
            <TableCell>Description</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {inputRows(schema as Schema).map(r => (
            <TableRow key={r.path}>
              <TableCell>
                {r.title}
                <Typography
                  variant="caption"
                  color="textSecondary"
                  display="block"
                >
                  {r.path}
                </Typography>
              </TableCell>
              <TableCell>{r.type}</TableCell>
              <TableCell>{r.required ? 'Yes' : 'No'}</TableCell>
              <TableCell>{r.description ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }
  return <InfoCard title="Inputs">{body}</InfoCard>;
};
