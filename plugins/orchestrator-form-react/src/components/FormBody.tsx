import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorFormTranslationRef } from '../translation';
import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import type { FormDecoratorProps } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { useFormInternals } from './FormInternals';
import { REVIEW } from './useFormController';
import { StepPage } from './StepPage';
import { ReviewPage } from './ReviewPage';

/**
 * The component handed to the form decorator: it receives what the
 * decorator injects and renders the stepper, the current page and the
 * review. Defined at module level so its identity never changes.
 */
export const FormBody = (injected: FormDecoratorProps) => {
  const { controller } = useFormInternals();
  const { t } = useTranslationRef(orchestratorFormTranslationRef);
  // Read by Next and Run, which validate with the decorator's checks.
  controller.validatorsRef.current = {
    customValidate: injected.customValidate,
    getExtraErrors: injected.getExtraErrors,
  };
  const { multiStep, pages, current } = controller;
  const activeIndex =
    current === REVIEW ? pages.length : pages.findIndex(p => p.key === current);
  return (
    <Box data-testid="orchestrator-form">
      {multiStep && (
        <Stepper
          activeStep={activeIndex}
          alternativeLabel
          data-testid="orchestrator-form-stepper"
          sx={{ mb: 3 }}
        >
          {pages.map(page => (
            <Step
              key={page.key}
              data-testid={`orchestrator-form-step-${page.key}`}
            >
              <StepLabel>{page.title}</StepLabel>
            </Step>
          ))}
          <Step data-testid="orchestrator-form-step-review">
            <StepLabel>{t('step.review')}</StepLabel>
          </Step>
        </Stepper>
      )}
      {current === REVIEW ? (
        <ReviewPage displayOnlyWidgets={injected.displayOnlyWidgets} />
      ) : (
        <StepPage key={current} injected={injected} />
      )}
    </Box>
  );
};
