import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { fetchWithHeaders, readDataIndexHeaders } from './dataIndexHeaders';

const config = (dataIndexService: JsonObject) =>
  new ConfigReader({ orchestrator: { dataIndexService } });

describe('Data Index headers', () => {
  it('reads configured headers, and a token as a bearer Authorization replacing one', () => {
    expect(readDataIndexHeaders(config({ url: 'http://di' }))).toEqual({});
    expect(
      readDataIndexHeaders(
        config({
          url: 'http://di',
          headers: { 'X-Api-Key': 'k1', authorization: 'Basic old' },
          token: 't0ken',
        }),
      ),
    ).toEqual({ 'X-Api-Key': 'k1', Authorization: 'Bearer t0ken' });
  });

  it('adds them to every request, keeping the request own headers', async () => {
    const base = jest.fn(async () => new Response('{}'));
    const wrapped = fetchWithHeaders(
      { Authorization: 'Bearer t' },
      base as unknown as typeof fetch,
    )!;
    await wrapped('http://di/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    const headers = (base.mock.calls[0] as any[])[1].headers as Headers;
    expect(headers.get('authorization')).toBe('Bearer t');
    expect(headers.get('content-type')).toBe('application/json');
    expect(fetchWithHeaders({})).toBeUndefined();
  });
});
