import {
  collectTemplateKeys,
  isSecretTemplateKey,
  normalizeTemplateKey,
  substituteTemplates,
} from './templates';

describe('substituteTemplates', () => {
  const values = {
    'current.name': 'Marek',
    'current.count': 3,
    'current.flag': true,
    'current.list': ['a', 'b'],
    'current.obj': { foo: 'bar' },
    'current.missing': undefined,
  };

  it('keeps the type of a template that is the whole value', () => {
    expect(substituteTemplates('$${{current.count}}', values)).toBe(3);
    expect(substituteTemplates('$${{current.flag}}', values)).toBe(true);
    expect(substituteTemplates('$${{current.list}}', values)).toEqual([
      'a',
      'b',
    ]);
    expect(substituteTemplates('$${{ current.obj }}', values)).toEqual({
      foo: 'bar',
    });
    expect(
      substituteTemplates('$${{current.missing}}', values),
    ).toBeUndefined();
  });

  it('stringifies units embedded in text, JSON for objects and arrays', () => {
    expect(substituteTemplates('Mr. $${{current.name}}!', values)).toBe(
      'Mr. Marek!',
    );
    expect(substituteTemplates(' $${{current.count}}', values)).toBe(' 3');
    expect(substituteTemplates('x=$${{current.obj}}', values)).toBe(
      'x={"foo":"bar"}',
    );
    expect(substituteTemplates('l=$${{current.list}}', values)).toBe(
      'l=["a","b"]',
    );
    expect(substituteTemplates('[$${{current.missing}}]', values)).toBe('[]');
  });

  it('walks objects and arrays, leaving constants alone', () => {
    expect(
      substituteTemplates(
        {
          constant: 'c',
          bool: true,
          arr: ['foo', '$${{current.name}}', 'Hi $${{current.name}}'],
          nested: { n: '$${{current.count}}', t: 'n=$${{current.flag}}' },
        },
        values,
      ),
    ).toEqual({
      constant: 'c',
      bool: true,
      arr: ['foo', 'Marek', 'Hi Marek'],
      nested: { n: 3, t: 'n=true' },
    });
  });
});

describe('collectTemplateKeys', () => {
  it('finds each key once, deep inside objects and arrays', () => {
    expect(
      collectTemplateKeys([
        'http://x/$${{backend.baseUrl}}/$${{current.a.b}}',
        { h: 'Bearer $${{identityApi.token}}', l: ['$${{current.a.b}}'] },
        undefined,
        42,
      ]).sort(),
    ).toEqual(['backend.baseUrl', 'current.a.b', 'identityApi.token']);
  });
});

describe('isSecretTemplateKey', () => {
  it('flags every token family and nothing else', () => {
    for (const key of [
      'identityApi.token',
      'githubAuthApi.token',
      'gitlabAuthApi.token',
      'microsoftAuthApi.openIdToken',
      'googleAuthApi.openIdToken',
      'atlassianAuthApi.token',
      'customAuthApi.my.auth.token',
    ]) {
      expect(isSecretTemplateKey(key)).toBe(true);
    }
    for (const key of [
      'identityApi.userEntityRef',
      'identityApi.displayName',
      'githubAuthApi.profileEmail',
      'current.token',
      'rjsfConfig.orchestrator.token',
      'backend.baseUrl',
    ]) {
      expect(isSecretTemplateKey(key)).toBe(false);
    }
  });
});

it('normalizeTemplateKey accepts retrigger entries with or without the wrapper', () => {
  expect(normalizeTemplateKey('current.a')).toBe('current.a');
  expect(normalizeTemplateKey('$${{ current.a }}')).toBe('current.a');
});
