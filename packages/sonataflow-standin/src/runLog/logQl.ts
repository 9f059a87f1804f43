import { InputError } from '@backstage/errors';

/** The subset of LogQL a log query for runs needs: stream matchers and line filters. */
export interface LogQuery {
  matchers: { label: string; op: '=' | '!=' | '=~' | '!~'; value: string }[];
  filters: { op: '|=' | '!=' | '|~' | '!~'; value: string }[];
}

const TOKEN =
  /\s*(?:(?<label>[a-zA-Z_][a-zA-Z0-9_]*)|(?<op>\|=|\|~|!=|!~|=~|=)|(?<str>"(?:[^"\\]|\\.)*")|(?<punct>[{},]))/y;

/**
 * Parses `{label="v", ...} |= "text" != "other"`. Anything else (metric queries, parsers,
 * backtick strings) is refused the way Loki refuses a bad query: a 400 with the reason.
 */
export function parseLogQuery(text: string): LogQuery {
  const tokens = tokenize(text);
  let i = 0;
  const next = () => tokens[i++];
  const expect = (kind: keyof Token, what: string): Token => {
    const t = next();
    if (!t || t[kind] === undefined) {
      throw new InputError(
        `parse error: expected ${what} in ${JSON.stringify(text)}`,
      );
    }
    return t;
  };
  const matchers: LogQuery['matchers'] = [];
  expect('punct', '{');
  for (;;) {
    const label = expect('label', 'a label name').label!;
    const op = expect('op', 'a matcher')
      .op! as LogQuery['matchers'][number]['op'];
    if (!['=', '!=', '=~', '!~'].includes(op)) {
      throw new InputError(`parse error: ${op} is not a label matcher`);
    }
    matchers.push({
      label,
      op,
      value: unquote(expect('str', 'a string').str!),
    });
    const t = next();
    if (t?.punct === '}') break;
    if (t?.punct !== ',') throw new InputError('parse error: expected , or }');
  }
  const filters: LogQuery['filters'] = [];
  while (i < tokens.length) {
    const op = expect('op', 'a line filter').op!;
    if (!['|=', '!=', '|~', '!~'].includes(op)) {
      throw new InputError(`parse error: ${op} is not a line filter`);
    }
    filters.push({
      op: op as LogQuery['filters'][number]['op'],
      value: unquote(expect('str', 'a string').str!),
    });
  }
  // Compiled once here: a bad pattern is the query's fault (400), and lines are many.
  for (const m of matchers)
    if (m.op === '=~' || m.op === '!~') anchored(m.value);
  for (const f of filters)
    if (f.op === '|~' || f.op === '!~') unanchored(f.value);
  if (matchers.every(m => matches(m, ''))) {
    throw new InputError(
      'parse error: queries require at least one matcher that does not match the empty string',
    );
  }
  return { matchers, filters };
}

/** Whether a stream's labels and a line pass the query. */
export function selects(
  query: LogQuery,
  labels: Record<string, string>,
  line: string,
): boolean {
  return (
    query.matchers.every(m => matches(m, labels[m.label] ?? '')) &&
    query.filters.every(f => {
      const hit =
        f.op === '|=' || f.op === '!='
          ? line.includes(f.value)
          : unanchored(f.value).test(line);
      return f.op === '|=' || f.op === '|~' ? hit : !hit;
    })
  );
}

function matches(m: LogQuery['matchers'][number], value: string): boolean {
  switch (m.op) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return anchored(m.value).test(value);
    default:
      return !anchored(m.value).test(value);
  }
}

const compiled = new Map<string, RegExp>();

/** Loki's label regexes match the whole value. */
function anchored(pattern: string): RegExp {
  return compile(`^(?:${pattern})$`, pattern);
}

/** Line filter regexes match anywhere in the line. */
function unanchored(pattern: string): RegExp {
  return compile(pattern, pattern);
}

function compile(source: string, pattern: string): RegExp {
  let regex = compiled.get(source);
  if (!regex) {
    try {
      regex = new RegExp(source);
    } catch {
      throw new InputError(
        `parse error: invalid regex ${JSON.stringify(pattern)}`,
      );
    }
    // A handful of patterns per query; a bound keeps many different queries from piling up.
    if (compiled.size >= 200) compiled.clear();
    compiled.set(source, regex);
  }
  return regex;
}

type Token = { label?: string; op?: string; str?: string; punct?: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (!text.slice(at).trim()) break;
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(text);
    if (!match) {
      throw new InputError(
        `parse error at position ${at + 1}: unexpected ${JSON.stringify(
          text.slice(at, at + 10),
        )}`,
      );
    }
    const g = match.groups!;
    tokens.push(
      Object.fromEntries(Object.entries(g).filter(([, v]) => v !== undefined)),
    );
    at = TOKEN.lastIndex;
  }
  return tokens;
}

/** Go's double-quoted string escapes, as LogQL takes them. */
function unquote(literal: string): string {
  return literal
    .slice(1, -1)
    .replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
      if (e[0] === 'x' || e[0] === 'u')
        return String.fromCharCode(parseInt(e.slice(1), 16));
      return ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
    });
}
