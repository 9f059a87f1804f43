import {
  classifyDestination,
  matchesAllowedHost,
  parseWidgetUrl,
} from './hostPolicy';

const policy = {
  backendBaseUrl: 'https://backstage.test',
  allowedHosts: ['api.allowed.test', '*.corp.test', 'local.test:8443'],
};

describe('host policy', () => {
  it('resolves relative URLs against the backend', () => {
    expect(parseWidgetUrl('/api/proxy/x', policy.backendBaseUrl).href).toBe(
      'https://backstage.test/api/proxy/x',
    );
  });

  it('refuses non-http schemes', () => {
    expect(() => parseWidgetUrl('ftp://files.test/a', 'https://b')).toThrow(
      /Only http/,
    );
  });

  it('classifies the backend origin and allow-listed hosts', () => {
    const c = (u: string) => classifyDestination(new URL(u), policy);
    expect(c('https://backstage.test/api/proxy/a')).toBe('backend');
    expect(c('https://api.allowed.test/v1')).toBe('allowedHost');
    expect(c('https://a.b.corp.test/v1')).toBe('allowedHost');
    expect(c('https://local.test:8443/')).toBe('allowedHost');
  });

  it('refuses everything else, naming the host', () => {
    const c = (u: string) => () => classifyDestination(new URL(u), policy);
    expect(c('https://evil.test/')).toThrow(/evil\.test are not allowed/);
    // wildcard means subdomains only, and suffix tricks do not match
    expect(c('https://corp.test/')).toThrow();
    expect(c('https://evilcorp.test/')).toThrow();
    expect(c('https://api.allowed.test.evil.test/')).toThrow();
    // another port of the backend host is another origin
    expect(c('https://backstage.test:8443/')).toThrow();
    expect(c('https://local.test:9999/')).toThrow();
    expect(c('http://backstage.test/')).toThrow();
  });

  it('matches hosts case-insensitively', () => {
    expect(
      matchesAllowedHost(
        'API.Allowed.test',
        new URL('https://api.allowed.test'),
      ),
    ).toBe(true);
  });
});
