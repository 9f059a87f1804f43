import { parenthesizeObjectValues } from './jacksonJqCompat';
import { DefaultJqEngine } from './JqEngine';

describe('parenthesizeObjectValues', () => {
  it('wraps object values so jq accepts jackson-jq style objects', () => {
    expect(
      parenthesizeObjectValues('{ "m": "P " + .p + " active", "o": [] }'),
    ).toBe('{ "m":( "P " + .p + " active"), "o":( [] )}');
  });

  it('leaves strings, interpolation, slices and nested objects intact', () => {
    const src = '{ a: "x: \\(.y | {b: 1}) }", b: .c[1:2], d: { e: .f + 1 } }';
    expect(parenthesizeObjectValues(src)).toBe(
      '{ a:( "x: \\(.y | {b: 1}) }"), b:( .c[1:2]), d:( { e:( .f + 1 )} )}',
    );
  });

  it('makes the reference basic-flat result expression run under real jq', async () => {
    const expr =
      '{ "result": { "message": "Project " + .projectName + " active", "outputs":[] } }';
    const jq = DefaultJqEngine.create();
    await expect(jq.evaluate(expr, { projectName: 'x' })).rejects.toThrow(
      /does not compile/,
    );
    expect(
      await jq.evaluate(parenthesizeObjectValues(expr), { projectName: 'x' }),
    ).toEqual({
      result: { message: 'Project x active', outputs: [] },
    });
  });
});
