import { createTranslationMessages } from '@backstage/core-plugin-api/alpha';
import { orchestratorFormTranslationRef } from '../translation';

/** Spanish. "Ejecución" for a workflow run, as in the Orchestrator UI. */
const es = createTranslationMessages({
  ref: orchestratorFormTranslationRef,
  full: true,
  messages: {
    'step.next': 'Siguiente',
    'step.back': 'Atrás',
    'step.review': 'Revisar',
    'step.defaultTitle': 'Datos',
    'review.showHidden': 'Mostrar campos ocultos',
    'review.hiddenFlag': 'oculto',
    'review.yes': 'Sí',
    'review.no': 'No',
    'run.run': 'Ejecutar',
    'run.running': 'Iniciando…',
    'run.signingIn': 'Iniciando sesión…',
    'run.invalidValues':
      'Algunos valores no son válidos; consulte la lista de abajo.',
    'errors.validationFailed': 'La validación falló: {{message}}',
  },
});

export default es;
