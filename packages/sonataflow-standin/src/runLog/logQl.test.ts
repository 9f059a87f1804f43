import { parseLogQuery, selects } from './logQl';

describe('parseLogQuery', () => {
  it('reads matchers and line filters with escaped strings', () => {
    expect(
      parseLogQuery(
        '{app="a\\"b", ns=~"x.+"} |= "id\\n1" != "debug" |~ "a|b" !~ "c"',
      ),
    ).toEqual({
      matchers: [
        { label: 'app', op: '=', value: 'a"b' },
        { label: 'ns', op: '=~', value: 'x.+' },
      ],
      filters: [
        { op: '|=', value: 'id\n1' },
        { op: '!=', value: 'debug' },
        { op: '|~', value: 'a|b' },
        { op: '!~', value: 'c' },
      ],
    });
  });

  it('matches label regexes on the whole value, as Loki does', () => {
    const q = parseLogQuery('{app=~"greet"}');
    expect(selects(q, { app: 'greeting' }, 'x')).toBe(false);
    expect(selects(q, { app: 'greet' }, 'x')).toBe(true);
    expect(selects(parseLogQuery('{app!~"g.*", b="1"}'), { b: '1' }, 'x')).toBe(
      true,
    );
  });
});
