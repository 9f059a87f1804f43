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
    'auth.noProvider':
      'In dieser Backstage-App ist kein Anmeldeanbieter „{{provider}}“ eingerichtet',
    'auth.failed': 'Anmeldung bei {{provider}} fehlgeschlagen: {{reason}}',
    'auth.noToken':
      'Die Anmeldung bei {{provider}} gab kein Token; der Lauf braucht eines',
    'validation.required': '{{field}} ist erforderlich',
    'validation.requiredWhen':
      '{{field}} ist erforderlich, wenn {{other}} gesetzt ist',
    'validation.pattern': '{{field}} muss dem Muster {{pattern}} entsprechen',
    'validation.minLength_one':
      '{{field}} muss mindestens {{count}} Zeichen lang sein',
    'validation.minLength_other':
      '{{field}} muss mindestens {{count}} Zeichen lang sein',
    'validation.maxLength_one':
      '{{field}} darf höchstens {{count}} Zeichen lang sein',
    'validation.maxLength_other':
      '{{field}} darf höchstens {{count}} Zeichen lang sein',
    'validation.minimum': '{{field}} muss {{limit}} oder größer sein',
    'validation.maximum': '{{field}} muss {{limit}} oder kleiner sein',
    'validation.exclusiveMinimum': '{{field}} muss größer als {{limit}} sein',
    'validation.exclusiveMaximum': '{{field}} muss kleiner als {{limit}} sein',
    'validation.multipleOf':
      '{{field}} muss ein Vielfaches von {{factor}} sein',
    'validation.minItems_one': '{{field}} braucht mindestens {{count}} Eintrag',
    'validation.minItems_other':
      '{{field}} braucht mindestens {{count}} Einträge',
    'validation.maxItems_one': '{{field}} erlaubt höchstens {{count}} Eintrag',
    'validation.maxItems_other':
      '{{field}} erlaubt höchstens {{count}} Einträge',
    'validation.uniqueItems': '{{field}} darf keinen Eintrag doppelt enthalten',
    'validation.minProperties_one':
      '{{field}} braucht mindestens {{count}} Angabe',
    'validation.minProperties_other':
      '{{field}} braucht mindestens {{count}} Angaben',
    'validation.maxProperties_one':
      '{{field}} erlaubt höchstens {{count}} Angabe',
    'validation.maxProperties_other':
      '{{field}} erlaubt höchstens {{count}} Angaben',
    'validation.format': '{{field}} muss {{format}} sein',
    'validation.enum': '{{field}} muss einer dieser Werte sein: {{values}}',
    'validation.const': '{{field}} muss {{value}} sein',
    'validation.type': '{{field}} muss {{type}} sein',
    'validation.oneOf':
      '{{field}} muss genau einer der Möglichkeiten entsprechen',
    'validation.anyOf': '{{field}} muss einer der Möglichkeiten entsprechen',
    'validation.additionalProperties': '{{field}} erlaubt kein Feld „{{name}}“',
    'validation.invalid': '{{field}} ist ungültig',
    'validation.or': 'oder',
    'formats.email': 'eine E-Mail-Adresse',
    'formats.url': 'eine URL',
    'formats.uriReference': 'eine URL oder ein Pfad',
    'formats.date': 'ein Datum (JJJJ-MM-TT)',
    'formats.dateTime': 'ein Datum mit Uhrzeit',
    'formats.time': 'eine Uhrzeit',
    'formats.ipv4': 'eine IPv4-Adresse',
    'formats.ipv6': 'eine IPv6-Adresse',
    'formats.hostname': 'ein Hostname',
    'formats.uuid': 'eine UUID',
    'formats.other': 'ein gültiges {{format}}',
    'types.string': 'Text',
    'types.number': 'eine Zahl',
    'types.integer': 'eine ganze Zahl',
    'types.boolean': 'Ja oder Nein',
    'types.array': 'eine Liste',
    'types.object': 'eine Gruppe von Feldern',
    'types.null': 'leer',
  },
});

export default de;
