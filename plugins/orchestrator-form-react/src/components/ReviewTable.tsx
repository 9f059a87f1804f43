import { Fragment } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorFormTranslationRef } from '../translation';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReviewItem } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { formatReviewValue } from '../review/generateReviewItems';

const Rows = ({
  items,
  depth,
  showHidden,
}: {
  items: ReviewItem[];
  depth: number;
  showHidden: boolean;
}) => {
  const { t } = useTranslationRef(orchestratorFormTranslationRef);
  const booleans = { yes: t('review.yes'), no: t('review.no') };
  return (
    <>
      {items
        .filter(item => showHidden || !item.hidden)
        .map(item => (
          <Fragment key={item.path}>
            <TableRow data-testid={`review-row-${item.path}`}>
              <TableCell
                component="th"
                scope="row"
                colSpan={item.children ? 2 : 1}
                sx={{
                  pl: 2 + depth * 3,
                  width: item.children ? undefined : '40%',
                }}
              >
                <Typography
                  variant={item.children ? 'subtitle2' : 'body2'}
                  component="span"
                >
                  {item.title}
                </Typography>
                {item.hidden && (
                  <Chip
                    label={t('review.hiddenFlag')}
                    size="small"
                    sx={{ ml: 1 }}
                    data-testid="review-hidden-flag"
                  />
                )}
              </TableCell>
              {!item.children && (
                <TableCell>{formatReviewValue(item.value, booleans)}</TableCell>
              )}
            </TableRow>
            {item.children && (
              <Rows
                items={item.children}
                depth={depth + 1}
                showHidden={showHidden}
              />
            )}
          </Fragment>
        ))}
    </>
  );
};

/** Every value the run will receive, nested objects as indented groups. */
export const ReviewTable = ({
  items,
  showHidden,
}: {
  items: ReviewItem[];
  showHidden: boolean;
}) => (
  <Table size="small" data-testid="orchestrator-form-review-table">
    <TableBody>
      <Rows items={items} depth={0} showHidden={showHidden} />
    </TableBody>
  </Table>
);

/** Whether any item, at any depth, is hidden. */
export const anyHidden = (items: ReviewItem[]): boolean =>
  items.some(item => item.hidden || anyHidden(item.children ?? []));
