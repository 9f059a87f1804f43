import { ReactNode } from 'react';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';

/** One labelled value in a details card's grid. */
export const DetailField = ({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId: string;
}) => (
  <Grid item xs={12} sm={6} md={4}>
    <Typography variant="overline" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div" data-testid={testId}>
      {children}
    </Typography>
  </Grid>
);
