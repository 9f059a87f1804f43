import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';
import { CopyButton } from './CopyButton';

/** Longer than this (or more than a few lines) and the text starts collapsed. */
const COLLAPSE_CHARS = 240;
const COLLAPSE_LINES = 3;

/**
 * Error text from a workflow can be a whole stack trace. It is never cut off
 * unseen: long text shows its first lines with "Show more", and the full text
 * can always be copied.
 */
export const ExpandableText = ({
  text,
  testId,
}: {
  text: string;
  testId?: string;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const long =
    text.length > COLLAPSE_CHARS || text.split('\n').length > COLLAPSE_LINES;
  const [open, setOpen] = useState(false);
  const collapsed = long && !open;
  return (
    <Box component="span" display="block" data-testid={testId}>
      <Box
        component="span"
        data-testid="expandable-text"
        data-collapsed={collapsed}
        sx={{
          display: collapsed ? '-webkit-box' : 'block',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          ...(collapsed && {
            WebkitLineClamp: COLLAPSE_LINES,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
          }),
        }}
      >
        {text}
      </Box>
      <Box component="span" display="flex" alignItems="center" gap={0.5}>
        {long && (
          <Button
            size="small"
            aria-expanded={open}
            onClick={() => setOpen(o => !o)}
          >
            {open ? t('common.showLess') : t('common.showMore')}
          </Button>
        )}
        <CopyButton text={text} />
      </Box>
    </Box>
  );
};
