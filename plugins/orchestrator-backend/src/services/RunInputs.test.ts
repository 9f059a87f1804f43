import { mockServices } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import type { WorkflowRuntimeClient } from '../runtime/WorkflowRuntimeClient';
import type { RunRecord } from '../runStore/RunStore';
import type { Caller } from './Caller';
import { DefaultInputValidator } from './InputValidator';
import type { AccessibleInstance, InstanceAccess } from './InstanceAccess';
import { DefaultRunInputs } from './RunInputs';

const caller = { initiator: 'user:default/ann' } as Caller;
const schema: JsonObject = {
  type: 'object',
  properties: { language: { type: 'string', enum: ['English', 'Spanish'] } },
};

function accessible(
  processId: string,
  workflowdata: unknown,
  inputs?: JsonObject,
): AccessibleInstance {
  return {
    instance: {
      id: 'run-1',
      processId,
      variables: workflowdata === undefined ? {} : { workflowdata },
    } as AccessibleInstance['instance'],
    run: inputs ? ({ inputs } as RunRecord) : undefined,
    isInstanceAdmin: false,
    warnings: [],
  };
}

function setup(previous?: AccessibleInstance) {
  const loads: string[] = [];
  const access = {
    load: async (_caller: Caller, instanceId: string) => {
      loads.push(instanceId);
      if (!previous) throw new Error('not found');
      return previous;
    },
  } as unknown as InstanceAccess;
  const runtime = {
    getInputSchema: async () => schema,
  } as unknown as WorkflowRuntimeClient;
  const inputs = DefaultRunInputs.create({
    runtime,
    access,
    validator: DefaultInputValidator.create({
      logger: mockServices.logger.mock(),
    }),
  });
  return { inputs, loads };
}

const definition = { id: 'greeting', serviceUrl: 'http://wf' };

describe('DefaultRunInputs', () => {
  it('previousInputs: recorded inputs first, else the data without its result', () => {
    const { inputs } = setup();
    expect(
      inputs.previousInputs(
        accessible('greeting', { language: 'x' }, { language: 'Spanish' }),
      ),
    ).toEqual({ language: 'Spanish' });
    expect(
      inputs.previousInputs(
        accessible('greeting', { language: 'English', result: { ok: 1 } }),
      ),
    ).toEqual({ language: 'English' });
    expect(inputs.previousInputs(accessible('greeting', undefined))).toEqual(
      {},
    );
    expect(inputs.previousInputs(accessible('greeting', ['odd']))).toEqual({});
  });

  it('forForm without a run: the schema alone, no instance read', async () => {
    const { inputs, loads } = setup();
    expect(await inputs.forForm(caller, definition)).toEqual({
      inputSchema: schema,
    });
    expect(loads).toEqual([]);
  });

  it('forForm from a run of the same workflow: its inputs as they were', async () => {
    const { inputs, loads } = setup(
      accessible('greeting', { language: 'x' }, { language: 'Spanish' }),
    );
    expect(await inputs.forForm(caller, definition, 'run-1')).toEqual({
      inputSchema: schema,
      data: { language: 'Spanish' },
    });
    expect(loads).toEqual(['run-1']);
  });

  it("forForm from another workflow's run: only the fields this schema accepts", async () => {
    const { inputs } = setup(
      accessible('assessment', {
        language: 'Spanish',
        projectName: 'payments',
        result: { next: 'greeting' },
      }),
    );
    expect(await inputs.forForm(caller, definition, 'run-1')).toEqual({
      inputSchema: schema,
      data: { language: 'Spanish' },
    });
  });

  it('forForm without a service URL: no schema, and nothing to fit other data to', async () => {
    const { inputs } = setup(accessible('assessment', { language: 'Spanish' }));
    expect(await inputs.forForm(caller, { id: 'greeting' }, 'run-1')).toEqual({
      data: {},
    });
  });
});
