import { useEffect, useState } from 'react';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';

/** Copies `text` to the clipboard and says so for a moment. */
export const CopyButton = ({
  text,
  testId = 'copy-button',
}: {
  text: string;
  testId?: string;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const label = copied ? t('common.copied') : t('common.copy');
  return (
    <Tooltip title={label}>
      <IconButton
        size="small"
        aria-label={label}
        data-testid={testId}
        onClick={async () => {
          // the clipboard is missing on plain-http origins; copying is optional there
          await navigator.clipboard?.writeText(text);
          setCopied(true);
        }}
      >
        {copied ? (
          <CheckIcon fontSize="small" />
        ) : (
          <ContentCopyIcon fontSize="small" />
        )}
      </IconButton>
    </Tooltip>
  );
};
