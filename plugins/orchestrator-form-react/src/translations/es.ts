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
    'auth.noProvider':
      'Esta aplicación de Backstage no tiene el proveedor de inicio de sesión «{{provider}}»',
    'auth.failed': 'Falló el inicio de sesión en {{provider}}: {{reason}}',
    'auth.noToken':
      'El inicio de sesión en {{provider}} no dio un token; la ejecución lo necesita',
    'validation.required': '{{field}} es obligatorio',
    'validation.requiredWhen':
      '{{field}} es obligatorio si se indica {{other}}',
    'validation.pattern': '{{field}} debe tener la forma {{pattern}}',
    'validation.minLength_one':
      '{{field}} debe tener al menos {{count}} carácter',
    'validation.minLength_other':
      '{{field}} debe tener al menos {{count}} caracteres',
    'validation.maxLength_one':
      '{{field}} debe tener como máximo {{count}} carácter',
    'validation.maxLength_other':
      '{{field}} debe tener como máximo {{count}} caracteres',
    'validation.minimum': '{{field}} debe ser {{limit}} o más',
    'validation.maximum': '{{field}} debe ser {{limit}} o menos',
    'validation.exclusiveMinimum': '{{field}} debe ser mayor que {{limit}}',
    'validation.exclusiveMaximum': '{{field}} debe ser menor que {{limit}}',
    'validation.multipleOf': '{{field}} debe ser múltiplo de {{factor}}',
    'validation.minItems_one': '{{field}} necesita al menos {{count}} elemento',
    'validation.minItems_other':
      '{{field}} necesita al menos {{count}} elementos',
    'validation.maxItems_one':
      '{{field}} admite como máximo {{count}} elemento',
    'validation.maxItems_other':
      '{{field}} admite como máximo {{count}} elementos',
    'validation.uniqueItems': '{{field}} no debe repetir ningún elemento',
    'validation.minProperties_one':
      '{{field}} necesita al menos {{count}} entrada',
    'validation.minProperties_other':
      '{{field}} necesita al menos {{count}} entradas',
    'validation.maxProperties_one':
      '{{field}} admite como máximo {{count}} entrada',
    'validation.maxProperties_other':
      '{{field}} admite como máximo {{count}} entradas',
    'validation.format': '{{field}} debe ser {{format}}',
    'validation.enum': '{{field}} debe ser uno de estos valores: {{values}}',
    'validation.const': '{{field}} debe ser {{value}}',
    'validation.type': '{{field}} debe ser {{type}}',
    'validation.oneOf':
      '{{field}} debe coincidir con exactamente una de las opciones',
    'validation.anyOf': '{{field}} debe coincidir con alguna de las opciones',
    'validation.additionalProperties': '{{field}} no admite «{{name}}»',
    'validation.invalid': '{{field}} no es válido',
    'validation.or': 'o',
    'formats.email': 'una dirección de correo electrónico',
    'formats.url': 'una URL',
    'formats.uriReference': 'una URL o una ruta',
    'formats.date': 'una fecha (AAAA-MM-DD)',
    'formats.dateTime': 'una fecha y hora',
    'formats.time': 'una hora',
    'formats.ipv4': 'una dirección IPv4',
    'formats.ipv6': 'una dirección IPv6',
    'formats.hostname': 'un nombre de host',
    'formats.uuid': 'un UUID',
    'formats.other': 'un {{format}} válido',
    'types.string': 'texto',
    'types.number': 'un número',
    'types.integer': 'un número entero',
    'types.boolean': 'sí o no',
    'types.array': 'una lista',
    'types.object': 'un grupo de campos',
    'types.null': 'vacío',
  },
});

export default es;
