import { createTranslationMessages } from '@backstage/core-plugin-api/alpha';
import { orchestratorFormTranslationRef } from '../translation';

/** German. "Lauf" for a workflow run, as in the Orchestrator UI. */
const de = createTranslationMessages({
  ref: orchestratorFormTranslationRef,
  full: true,
  messages: {
    'step.next': 'Weiter',
    'step.back': 'Zurück',
    'step.review': 'Prüfen',
    'step.defaultTitle': 'Eingaben',
    'review.showHidden': 'Ausgeblendete Felder zeigen',
    'review.hiddenFlag': 'ausgeblendet',
    'review.yes': 'Ja',
    'review.no': 'Nein',
    'run.run': 'Starten',
    'run.running': 'Wird gestartet…',
    'run.signingIn': 'Anmeldung läuft…',
    'run.invalidValues': 'Einige Werte sind ungültig; siehe die Liste unten.',
    'errors.validationFailed': 'Prüfung fehlgeschlagen: {{message}}',
  },
});

export default de;
