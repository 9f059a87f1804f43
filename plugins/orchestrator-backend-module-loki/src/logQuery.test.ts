import { checkSelectors, logQlString, runLogQuery } from './logQuery';

describe('runLogQuery', () => {
  it('puts the configured streams in the selector and the run id in a line filter', () => {
    expect(
      runLogQuery(
        [
          { label: 'app', value: 'greeting' },
          { label: 'namespace', value: 'sonataflow', operator: '=' },
        ],
        '3f5c1d0e-8a4b-4c7e-9d2a-1b6e0f9a7c21',
      ),
    ).toBe(
      '{app=~"greeting", namespace="sonataflow"} |= "3f5c1d0e-8a4b-4c7e-9d2a-1b6e0f9a7c21"',
    );
  });

  it('keeps a run id or a value that tries to end the literal inside it', () => {
    expect(
      runLogQuery([{ label: 'app', value: 'a"} |~ ".*' }], 'x" or "1'),
    ).toBe('{app=~"a\\"} |~ \\".*"} |= "x\\" or \\"1"');
  });
});

describe('logQlString', () => {
  it.each([
    ['plain', '"plain"'],
    ['back\\slash', '"back\\\\slash"'],
    ['quote"d', '"quote\\"d"'],
    ['two\nlines\r\tand tab', '"two\\nlines\\r\\tand tab"'],
    ['bell\u0007 del\u007f', '"bell\\x07 del\\x7f"'],
    ['ünïcödé ✓', '"ünïcödé ✓"'],
  ])('quotes %j as %s', (value, literal) => {
    expect(logQlString(value)).toBe(literal);
  });
});

describe('checkSelectors', () => {
  const key = 'orchestrator.workflowLogProvider.loki.logStreamSelectors';

  it('accepts Loki label names and the four operators', () => {
    expect(() =>
      checkSelectors(
        [
          { label: 'app', value: 'x' },
          { label: '_k8s_ns2', value: 'x', operator: '!~' },
        ],
        key,
      ),
    ).not.toThrow();
  });

  it.each([
    [
      [{ label: 'app-name', value: 'x' }],
      `${key}[0].label must be a Loki label name`,
    ],
    [
      [{ label: 'app} or {a', value: 'x' }],
      `${key}[0].label must be a Loki label name`,
    ],
    [
      [
        { label: 'app', value: 'x' },
        { label: 'ok', value: 'y', operator: '~' as any },
      ],
      `${key}[1].operator must be one of = != =~ !~, got '~'`,
    ],
    [[], `${key} must name at least one stream selector`],
  ])('refuses %j at startup, naming the key', (selectors, message) => {
    expect(() => checkSelectors(selectors, key)).toThrow(message);
  });
});
