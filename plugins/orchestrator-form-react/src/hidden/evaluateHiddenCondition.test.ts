import {
  evaluateHiddenCondition,
  isEmptyValue,
} from './evaluateHiddenCondition';

describe('evaluateHiddenCondition', () => {
  const data = {
    deploymentType: 'simple',
    environment: 'production',
    config: { server: { enabled: false, port: 8080 } },
    tags: [],
    name: '',
  };

  it.each([
    [true, true],
    [false, false],
    [{ when: 'deploymentType', is: 'simple' }, true],
    [{ when: 'deploymentType', is: 'custom' }, false],
    [{ when: 'deploymentType', is: ['managed', 'simple'] }, true],
    [{ when: 'deploymentType', isNot: 'custom' }, true],
    [{ when: 'deploymentType', isNot: ['simple', 'custom'] }, false],
    [{ when: 'config.server.enabled', is: false }, true],
    [{ when: 'config.server.port', is: 8080 }, true],
    [{ when: 'name', isEmpty: true }, true],
    [{ when: 'tags', isEmpty: true }, true],
    [{ when: 'missing', isEmpty: true }, true],
    [{ when: 'environment', isEmpty: true }, false],
    [{ when: 'environment', isEmpty: false }, true],
    // every operator counts, not only the first
    [{ when: 'deploymentType', is: 'simple', isNot: 'simple' }, false],
    [{ when: 'environment', isNot: 'dev', isEmpty: true }, false],
    [
      {
        allOf: [
          { when: 'environment', is: 'production' },
          { when: 'deploymentType', is: 'simple' },
        ],
      },
      true,
    ],
    [
      {
        allOf: [
          { when: 'environment', is: 'production' },
          { when: 'deploymentType', is: 'custom' },
        ],
      },
      false,
    ],
    [
      {
        anyOf: [
          { when: 'environment', is: 'dev' },
          { when: 'deploymentType', is: 'simple' },
        ],
      },
      true,
    ],
    [{ anyOf: [{ when: 'environment', is: 'dev' }] }, false],
    [
      {
        allOf: [
          { when: 'environment', is: 'production' },
          {
            anyOf: [
              { when: 'deploymentType', is: 'A' },
              { when: 'deploymentType', is: 'simple' },
            ],
          },
        ],
      },
      true,
    ],
    // when + allOf together: both must hold
    [
      {
        when: 'environment',
        is: 'production',
        allOf: [{ when: 'name', isEmpty: false }],
      },
      false,
    ],
    // unknown shapes hide nothing
    [{ when: 'environment' }, false],
    ['yes', false],
    [null, false],
  ])('%j → %s', (condition, expected) => {
    expect(evaluateHiddenCondition(condition, data)).toBe(expected);
  });

  it('is re-evaluated against new data', () => {
    const condition = { when: 'step1.kind', is: 'a' };
    expect(evaluateHiddenCondition(condition, { step1: { kind: 'a' } })).toBe(
      true,
    );
    expect(evaluateHiddenCondition(condition, { step1: { kind: 'b' } })).toBe(
      false,
    );
  });

  // Property-style: for random values, `is` and `isNot` on the same value are complements,
  // and allOf/anyOf behave as AND/OR of their parts.
  it('holds the algebra of its operators over many random cases', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const values = ['a', 'b', '', 0, 1, true, false, null, ['a'], {}];
    const pick = () => values[Math.floor(random() * values.length)];
    for (let i = 0; i < 300; i++) {
      const form = { x: pick(), nested: { y: pick() } };
      const value = pick();
      const is = { when: 'x', is: value } as any;
      const isNot = { when: 'x', isNot: value } as any;
      expect(evaluateHiddenCondition(is, form)).toBe(
        !evaluateHiddenCondition(isNot, form),
      );
      const empty = { when: 'nested.y', isEmpty: true };
      expect(evaluateHiddenCondition(empty, form)).toBe(
        isEmptyValue(form.nested.y),
      );
      const parts = [is, empty];
      expect(evaluateHiddenCondition({ allOf: parts }, form)).toBe(
        parts.every(p => evaluateHiddenCondition(p, form)),
      );
      expect(evaluateHiddenCondition({ anyOf: parts }, form)).toBe(
        parts.some(p => evaluateHiddenCondition(p, form)),
      );
    }
  });
});
