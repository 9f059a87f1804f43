import { useState } from 'react';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';

type Json = unknown;

const isBranch = (v: Json): v is Record<string, Json> | Json[] =>
  typeof v === 'object' && v !== null;

const Leaf = ({ value }: { value: Json }) => (
  <Box
    component="span"
    sx={{
      color: typeof value === 'string' ? 'success.main' : 'info.main',
      overflowWrap: 'anywhere',
      whiteSpace: 'pre-wrap',
    }}
  >
    {typeof value === 'string' ? `"${value}"` : String(value)}
  </Box>
);

/**
 * One key of the tree. Branches open one level at a time, so a run's whole
 * variables (often hundreds of lines) start as a short list of names.
 */
const Node = ({
  name,
  value,
  depth,
}: {
  name: string;
  value: Json;
  depth: number;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const [open, setOpen] = useState(depth === 0);
  if (!isBranch(value)) {
    return (
      <Box role="treeitem" sx={{ pl: 3.5, py: 0.25 }}>
        <Box component="span" sx={{ fontWeight: 500 }}>
          {name}
        </Box>
        : <Leaf value={value} />
      </Box>
    );
  }
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  const summary = Array.isArray(value)
    ? t('instance.tree.items', { count: entries.length })
    : t('instance.tree.keys', { count: entries.length });
  return (
    <Box role="treeitem" aria-expanded={open}>
      <Box display="flex" alignItems="center">
        <IconButton
          size="small"
          onClick={() => setOpen(o => !o)}
          aria-label={
            open
              ? t('instance.tree.collapse', { key: name })
              : t('instance.tree.expand', { key: name })
          }
        >
          {open ? (
            <ExpandMoreIcon fontSize="small" />
          ) : (
            <ChevronRightIcon fontSize="small" />
          )}
        </IconButton>
        <Box component="span" sx={{ fontWeight: 500 }}>
          {name}
        </Box>
        <Box component="span" sx={{ color: 'text.secondary', ml: 1 }}>
          {summary}
        </Box>
      </Box>
      {open && (
        <Box role="group" sx={{ pl: 2 }}>
          {entries.map(([k, v]) => (
            <Node key={k} name={k} value={v} depth={depth + 1} />
          ))}
        </Box>
      )}
    </Box>
  );
};

/** A JSON object as a collapsible tree: the top level open, deeper levels on demand. */
export const JsonTree = ({
  value,
  label,
}: {
  value: Record<string, Json> | Json[];
  label: string;
}) => {
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  return (
    <Box
      role="tree"
      aria-label={label}
      sx={{ fontFamily: 'monospace', fontSize: '0.85rem' }}
    >
      {entries.map(([k, v]) => (
        <Node key={k} name={k} value={v} depth={0} />
      ))}
    </Box>
  );
};
