import { DefaultJqEngine, JqCompileError, JqRuntimeError } from './JqEngine';

describe('DefaultJqEngine (jq-wasm, offline)', () => {
  const jq = DefaultJqEngine.create();

  it('evaluates real jq programs', async () => {
    expect(await jq.evaluate('.a | map(. * 2)', { a: [1, 2] })).toEqual([2, 4]);
    expect(
      await jq.evaluate('.inputText | ascii_downcase | contains("dummy")', {
        inputText: 'My DUMMY',
      }),
    ).toBe(true);
    expect(
      await jq.evaluate(
        '.missingWorkflows as $f | .result | walk(if type == "object" then select(all($f[] != .id; .)) else . end)',
        {
          missingWorkflows: ['b'],
          result: { keep: { id: 'a' }, drop: { id: 'b' } },
        },
      ),
    ).toEqual({ keep: { id: 'a' } });
  });

  it('exposes $WORKFLOW, $SECRET and $CONST', async () => {
    expect(
      await jq.evaluate(
        '"id=" + $WORKFLOW.instanceId + " " + $SECRET.url + " " + ($CONST.n | tostring)',
        {},
        {
          WORKFLOW: { instanceId: 'i1' },
          SECRET: { url: 'http://x' },
          CONST: { n: 3 },
        },
      ),
    ).toBe('id=i1 http://x 3');
  });

  it('returns several outputs as an array and none as null', async () => {
    expect(await jq.evaluate('.[]', [1, 2])).toEqual([1, 2]);
    expect(await jq.evaluate('empty', {})).toBeNull();
  });

  it('tells compile errors from runtime errors and keeps working after them', async () => {
    await expect(jq.evaluate('.a | ', {})).rejects.toBeInstanceOf(
      JqCompileError,
    );
    await expect(jq.evaluate('error("boom")', {})).rejects.toThrow(
      new JqRuntimeError('boom'),
    );
    expect(await jq.evaluate('.x + 1', { x: 1 })).toBe(2);
  });

  it('survives many evaluations (module recycling)', async () => {
    let sum = 0;
    for (let i = 0; i < 700; i++)
      sum += (await jq.evaluate('.i', { i })) as number;
    expect(sum).toBe((699 * 700) / 2);
    // about 1 s on an idle machine; a loaded 2-core CI box needs more, and this is about
    // recycling, not speed
  }, 60_000);
});
