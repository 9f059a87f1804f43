import { useMemo, useState } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorFormTranslationRef } from '../translation';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import { generateReviewItems } from '../review/generateReviewItems';
import { flattenErrors } from '../validation/errorSchemas';
import { titleAt } from '../validation/readableErrors';
import { useFormInternals } from './FormInternals';
import { ReviewTable, anyHidden } from './ReviewTable';
import { RunButton } from './RunButton';

/**
 * The last step: what will be sent, then Run (or the adopter's review
 * component). `displayOnlyWidgets` come from the decorator, beside its widgets.
 */
export const ReviewPage = ({
  displayOnlyWidgets,
}: {
  displayOnlyWidgets?: string[];
}) => {
  const { controller, ReviewComponent } = useFormInternals();
  const { rjsfSchema, uiSchema, formData, errors, runError } = controller;
  const [showHidden, setShowHidden] = useState(false);
  const { t } = useTranslationRef(orchestratorFormTranslationRef);
  const items = useMemo(
    () =>
      generateReviewItems(
        rjsfSchema,
        uiSchema as Record<string, unknown>,
        formData,
        { displayOnlyWidgets },
      ),
    [rjsfSchema, uiSchema, formData, displayOnlyWidgets],
  );
  const problems = flattenErrors(errors);
  const alerts = (
    <>
      {runError && (
        <Alert
          severity="error"
          data-testid="orchestrator-form-run-error"
          sx={{ mb: 2 }}
        >
          {runError}
          {problems.length > 0 && (
            <ul>
              {problems.map(({ path, message }, index) => (
                <li key={index}>
                  {path.length
                    ? `${titleAt(rjsfSchema, path.join('.'))}: `
                    : ''}
                  {message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </>
  );

  if (ReviewComponent) {
    return (
      <Box data-testid="orchestrator-form-review">
        {alerts}
        <ReviewComponent
          schema={controller.liveSchema}
          uiSchema={uiSchema}
          formData={formData}
          items={items}
          busy={controller.busy}
          handleBack={controller.handleBack}
          handleExecute={() => controller.handleExecute()}
        />
      </Box>
    );
  }
  return (
    <Box data-testid="orchestrator-form-review">
      {alerts}
      {anyHidden(items) && (
        <FormControlLabel
          control={
            <Switch
              checked={showHidden}
              onChange={event => setShowHidden(event.target.checked)}
              inputProps={
                { 'data-testid': 'orchestrator-form-show-hidden' } as any
              }
            />
          }
          label={t('review.showHidden')}
        />
      )}
      <ReviewTable items={items} showHidden={showHidden} />
      <Box sx={{ display: 'flex', gap: 1, mt: 2, alignItems: 'center' }}>
        <Button
          onClick={controller.handleBack}
          data-testid="orchestrator-form-back"
        >
          {t('step.back')}
        </Button>
        <RunButton />
      </Box>
    </Box>
  );
};
