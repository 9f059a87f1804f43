/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
import { InputError } from '@backstage/errors';
import { resolveSchemaRefs } from './resolveSchemaRefs';
import { joinLocation } from './schemaPaths';

function memoryLoader(files: Record<string, unknown>) {
  const requested: string[] = [];
  const loader = async (location: string) => {
    requested.push(location);
    if (!(location in files)) throw new Error(`ENOENT ${location}`);
    return files[location];
  };
  return { loader, requested };
}

describe('resolveSchemaRefs', () => {
  it('inlines sibling files, fragments and refs nested inside loaded files', async () => {
    const { loader, requested } = memoryLoader({
      'schemas/person.json': JSON.stringify({
        definitions: {
          name: { $ref: 'common/name.json' },
          age: { type: 'integer' },
        },
      }),
      'schemas/common/name.json': '  {"type": "string", "minLength": 1}',
      'shared/result.yaml':
        'type: object\nproperties:\n  message: {type: string}\n',
    });
    const resolved = await resolveSchemaRefs(
      {
        type: 'object',
        properties: {
          name: { $ref: 'person.json#/definitions/name' },
          age: { $ref: 'person.json#/definitions/age', 'ui:widget': 'updown' },
          result: { $ref: '../shared/result.yaml' },
          again: { $ref: '#/properties/name' },
        },
      },
      { loader, location: 'schemas/input.json' },
    );
    expect(resolved).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1 },
        age: { type: 'integer', 'ui:widget': 'updown' },
        result: { type: 'object', properties: { message: { type: 'string' } } },
        again: { type: 'string', minLength: 1 },
      },
    });
    expect(new Set(requested)).toEqual(
      new Set([
        'schemas/person.json',
        'schemas/common/name.json',
        'shared/result.yaml',
      ]),
    );
  });

  it('loads each file once', async () => {
    const { loader, requested } = memoryLoader({
      'a.json': { type: 'string' },
    });
    await resolveSchemaRefs(
      { properties: { x: { $ref: 'a.json' }, y: { $ref: 'a.json' } } },
      { loader },
    );
    expect(requested).toEqual(['a.json']);
  });

  it('does not change the input', async () => {
    const schema = {
      properties: { x: { $ref: '#/definitions/x' } },
      definitions: { x: { type: 'string' } },
    };
    const before = JSON.stringify(schema);
    await resolveSchemaRefs(schema, { loader: memoryLoader({}).loader });
    expect(JSON.stringify(schema)).toBe(before);
  });

  it('rejects recursive refs, missing files and dangling fragments with InputError', async () => {
    const { loader } = memoryLoader({
      'a.json': { properties: { b: { $ref: 'a.json' } } },
    });
    await expect(
      resolveSchemaRefs({ $ref: 'a.json' }, { loader }),
    ).rejects.toThrow(/Recursive \$ref/);
    await expect(
      resolveSchemaRefs({ $ref: 'missing.json' }, { loader }),
    ).rejects.toThrow(InputError);
    await expect(
      resolveSchemaRefs({ $ref: 'a.json#/nothing/here' }, { loader }),
    ).rejects.toThrow(/points to nothing/);
  });
});

describe('joinLocation', () => {
  it('resolves like a POSIX path join', () => {
    expect(joinLocation('schemas', '../shared/x.json')).toBe('shared/x.json');
    expect(joinLocation('', './a.json')).toBe('a.json');
    expect(joinLocation('', '../a.json')).toBe('../a.json');
    expect(joinLocation('a/b', 'c/../d.json')).toBe('a/b/d.json');
    expect(joinLocation('http://h/s', 'x.json')).toBe('http://h/s/x.json');
  });
});
