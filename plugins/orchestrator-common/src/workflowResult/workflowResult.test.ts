/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import { validateWorkflowResult } from './validateWorkflowResult';
import { getNextWorkflows, getWorkflowResult } from './workflowResult';

describe('validateWorkflowResult', () => {
  it('accepts the current shape, with markdown outputs', () => {
    expect(
      validateWorkflowResult({
        message: 'Project **created**',
        nextWorkflows: [{ id: 'b', name: 'B' }],
        outputs: [
          { key: 'Console', value: 'https://console', format: 'link' },
          { key: 'Count', value: 3, format: 'number' },
          { key: 'Notes', value: '# done', format: 'markdown' },
          { key: 'Plain', value: 'x' },
        ],
      }),
    ).toEqual({ valid: true, errors: [] });
  });

  it('reports every problem with a JSON pointer path', () => {
    const { valid, errors } = validateWorkflowResult({
      message: 5,
      nextWorkflows: [{ id: 'a' }],
      outputs: [{ key: 'k', value: 'v', format: 'html' }],
      completedWith: 'maybe',
      workflowOptions: { upgradeOptions: [{ id: 'x' }] },
    });
    expect(valid).toBe(false);
    const paths = errors.map(error => error.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/message',
        '/nextWorkflows/0',
        '/outputs/0/format',
        '/completedWith',
        '/workflowOptions/upgradeOptions',
      ]),
    );
    expect(errors.every(error => error.message.length > 0)).toBe(true);
  });

  it('rejects values that are not objects', () => {
    expect(validateWorkflowResult('done')).toEqual({
      valid: false,
      errors: [{ path: '', message: 'must be object' }],
    });
  });
});

describe('getWorkflowResult', () => {
  it('reads workflowdata.result', () => {
    expect(getWorkflowResult({ result: { message: 'm' }, other: 1 })).toEqual({
      message: 'm',
    });
  });

  it('moves legacy top-level workflowOptions into the result', () => {
    const workflowOptions = { newOptions: [{ id: 'n', name: 'N' }] };
    expect(getWorkflowResult({ workflowOptions })).toEqual({ workflowOptions });
    expect(
      getWorkflowResult({ result: { message: 'm' }, workflowOptions }),
    ).toEqual({
      message: 'm',
      workflowOptions,
    });
  });

  it('is undefined when there is nothing to report', () => {
    expect(getWorkflowResult(undefined)).toBeUndefined();
    expect(getWorkflowResult({ result: 'text' })).toBeUndefined();
    expect(getWorkflowResult({ language: 'English' })).toBeUndefined();
  });
});

describe('getNextWorkflows', () => {
  it('merges nextWorkflows and option groups into labelled, de-duplicated suggestions', () => {
    const suggestions = getNextWorkflows({
      nextWorkflows: [
        { id: 'mtv-migration', name: 'MTV migration' },
        { id: 'upgrade', name: 'Upgrade' },
      ],
      workflowOptions: {
        currentVersion: {},
        upgradeOptions: [{ id: 'upgrade', name: 'Upgrade again' }],
        migrationOptions: [{ id: 'move', name: 'Move' }],
        newOptions: { id: 'fresh', name: 'Fresh start' },
        otherOptions: [{ id: '', name: 'nameless' }],
      },
    });
    expect(suggestions).toEqual([
      {
        id: 'mtv-migration',
        name: 'MTV migration',
        source: 'nextWorkflows',
        groupLabel: 'Suggested next workflows',
      },
      {
        id: 'upgrade',
        name: 'Upgrade',
        source: 'nextWorkflows',
        groupLabel: 'Suggested next workflows',
      },
      {
        id: 'move',
        name: 'Move',
        source: 'migrationOptions',
        groupLabel: 'Migration options',
      },
      {
        id: 'fresh',
        name: 'Fresh start',
        source: 'newOptions',
        groupLabel: 'New options',
      },
    ]);
  });

  it('is empty without a result', () => {
    expect(getNextWorkflows(undefined)).toEqual([]);
    expect(getNextWorkflows({ message: 'm' })).toEqual([]);
  });
});
