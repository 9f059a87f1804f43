/** One stream matcher of the LogQL selector (`{label<operator>"value"}`). */
export interface LokiStreamSelector {
  label: string;
  value: string;
  operator?: '=' | '!=' | '=~' | '!~';
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const OPERATORS = ['=', '!=', '=~', '!~'] as const;

/**
 * Upstream's only selector: every stream with a `service_name`. Kept as the default so a
 * configuration with just `baseUrl` still finds lines; selectors narrow the search.
 */
export const ALL_SERVICES: LokiStreamSelector[] = [
  { label: 'service_name', operator: '=~', value: '.+' },
];

/**
 * The LogQL of one run: the configured streams and a line filter on the run id. Nothing from
 * a request or a run reaches the query unquoted: label names are checked, every value is a
 * string literal.
 */
export function runLogQuery(
  selectors: LokiStreamSelector[],
  instanceId: string,
): string {
  const matchers = selectors.map(
    s => `${s.label}${s.operator ?? '=~'}${logQlString(s.value)}`,
  );
  return `{${matchers.join(', ')}} |= ${logQlString(instanceId)}`;
}

/** Checks the selectors at startup; the message names the offending key. */
export function checkSelectors(
  selectors: LokiStreamSelector[],
  key: string,
): void {
  selectors.forEach((s, i) => {
    if (!LABEL_NAME.test(s.label)) {
      throw new Error(
        `${key}[${i}].label must be a Loki label name ([a-zA-Z_][a-zA-Z0-9_]*), got '${s.label}'`,
      );
    }
    if (s.operator !== undefined && !OPERATORS.includes(s.operator)) {
      throw new Error(
        `${key}[${i}].operator must be one of ${OPERATORS.join(' ')}, got '${
          s.operator
        }'`,
      );
    }
  });
  // Loki refuses a selector whose every matcher could match the empty string.
  if (selectors.length === 0) {
    throw new Error(`${key} must name at least one stream selector`);
  }
}

/**
 * A double-quoted LogQL string literal (Go's syntax): backslash and quote escaped, control
 * characters as `\xNN`, so a value can neither end the literal nor break the line.
 */
export function logQlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f)
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
