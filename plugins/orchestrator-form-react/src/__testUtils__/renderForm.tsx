/* eslint-disable jest/no-export */
import { ReactElement } from 'react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import userEvent from '@testing-library/user-event';
import { screen } from '@testing-library/react';
import { OrchestratorForm } from '../components/OrchestratorForm';
import type { OrchestratorFormProps } from '../types';

type Apis = Parameters<typeof TestApiProvider>[0]['apis'];

type RenderedForm = {
  unmount: () => void;
  handleExecute: jest.Mock;
  user: ReturnType<typeof userEvent.setup>;
  rerenderWith: (extra: Partial<OrchestratorFormProps>) => void;
};

/** Renders the form in a test app with the given APIs; returns the Run spy and a user. */
export async function renderForm(
  props: Partial<OrchestratorFormProps> & Pick<OrchestratorFormProps, 'schema'>,
  apis: Apis = [],
): Promise<RenderedForm> {
  const handleExecute = jest.fn();
  const user = userEvent.setup({ delay: null });
  const element = (
    extra: Partial<OrchestratorFormProps> = {},
  ): ReactElement => (
    <TestApiProvider apis={apis}>
      <OrchestratorForm
        isExecuting={false}
        handleExecute={handleExecute}
        {...props}
        {...extra}
      />
    </TestApiProvider>
  );
  const result = await renderInTestApp(element());
  return {
    unmount: result.unmount,
    handleExecute,
    user,
    rerenderWith: (extra: Partial<OrchestratorFormProps>) =>
      result.rerender(element(extra)),
  };
}

export const next = () => screen.getByTestId('orchestrator-form-next');
export const back = () => screen.getByTestId('orchestrator-form-back');
export const run = () => screen.getByTestId('orchestrator-form-run');
