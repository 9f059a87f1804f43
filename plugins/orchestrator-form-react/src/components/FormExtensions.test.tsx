import { useEffect } from 'react';
import { screen, waitFor } from '@testing-library/react';
import { githubAuthApiRef } from '@backstage/core-plugin-api';
import type { WidgetProps } from '@rjsf/utils';
import type { JSONSchema7 } from 'json-schema';
import {
  FormDecoratorProps,
  OrchestratorFormApi,
  OrchestratorFormContextProps,
  ReviewComponentProps,
  orchestratorFormApiRef,
} from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { next, renderForm, run } from '../__testUtils__/renderForm';

jest.setTimeout(90_000);

const schema = {
  type: 'object',
  properties: {
    repo: { type: 'string', title: 'Repository', 'ui:widget': 'RepoPicker' },
    token: {
      type: 'string',
      'ui:widget': 'AuthRequester',
      'ui:props': {
        authTokenDescriptors: [{ provider: 'github', scope: 'repo' }],
      },
    },
    secret: {
      type: 'string',
      title: 'Secret',
      default: 'hush',
      'ui:widget': 'hidden',
    },
  },
} as unknown as JSONSchema7;

// A widget that fetches: it brackets the fetch with the form's callbacks.
let finishFetch: (() => void) | undefined;
const RepoPicker = ({ id, onChange, value, registry }: WidgetProps) => {
  const context = registry.formContext as OrchestratorFormContextProps;
  const { handleFetchStarted, handleFetchEnded } = context;
  // Once per mount: the callbacks are stable, formContext changes on every keystroke.
  useEffect(() => {
    handleFetchStarted(id);
    finishFetch = () => handleFetchEnded(id);
  }, [handleFetchStarted, handleFetchEnded, id]);
  return (
    <input
      aria-label="Repo picker"
      value={value ?? ''}
      onChange={e => onChange(e.target.value)}
    />
  );
};

function formApi(
  options: { review?: boolean; remote?: boolean } = {},
): OrchestratorFormApi {
  return {
    getFormDecorator: () => FormComponent => {
      const Decorated = (_context: OrchestratorFormContextProps) => {
        const injected: FormDecoratorProps = {
          widgets: { RepoPicker },
          getExtraErrors: options.remote
            ? async data =>
                data.repo === 'taken'
                  ? { repo: { __errors: ['already exists'] } }
                  : undefined
            : undefined,
        };
        return <FormComponent {...injected} />;
      };
      return Decorated;
    },
    getReviewComponent: options.review
      ? () =>
          ({ items, handleExecute, busy }: ReviewComponentProps) =>
            (
              <div>
                <p>
                  Custom review of{' '}
                  {items.map(i => `${i.title}=${String(i.value)}`).join(';')}
                </p>
                <button disabled={busy} onClick={handleExecute}>
                  Custom run
                </button>
              </div>
            )
      : undefined,
  };
}

const github = { getAccessToken: jest.fn(async () => 'gh-token') };

describe('OrchestratorForm extensions', () => {
  it('uses a decorator widget, waits for its fetch, collects tokens and keeps them out of the data', async () => {
    const { user, handleExecute } = await renderForm({ schema }, [
      [orchestratorFormApiRef, formApi()],
      [githubAuthApiRef, github],
    ]);
    await user.type(screen.getByLabelText('Repo picker'), 'site');
    await user.click(next());
    expect(run()).toBeDisabled();
    expect(
      screen.getByTestId('orchestrator-form-run-blocked'),
    ).toHaveTextContent('Waiting');
    finishFetch!();
    await waitFor(() => expect(run()).toBeEnabled());

    // Hidden fields are flagged and shown only on request.
    expect(
      screen.getByTestId('orchestrator-form-review-table'),
    ).not.toHaveTextContent('Secret');
    await user.click(screen.getByTestId('orchestrator-form-show-hidden'));
    expect(
      screen.getByTestId('orchestrator-form-review-table'),
    ).toHaveTextContent('Secret');
    expect(screen.getByTestId('review-hidden-flag')).toBeInTheDocument();

    await user.click(run());
    await waitFor(() => expect(handleExecute).toHaveBeenCalled());
    expect(handleExecute).toHaveBeenCalledWith(
      { repo: 'site', secret: 'hush' },
      [{ provider: 'github', token: 'gh-token' }],
    );
    expect(github.getAccessToken).toHaveBeenCalledWith(['repo']);
  });

  it('does not run when a token cannot be acquired', async () => {
    github.getAccessToken.mockRejectedValueOnce(new Error('popup closed'));
    const { user, handleExecute } = await renderForm({ schema }, [
      [orchestratorFormApiRef, formApi()],
      [githubAuthApiRef, github],
    ]);
    finishFetch!();
    await user.click(next());
    await user.click(run());
    expect(
      await screen.findByTestId('orchestrator-form-run-error'),
    ).toHaveTextContent('Signing in to github failed: popup closed');
    expect(handleExecute).not.toHaveBeenCalled();
  });

  it('blocks Next with the decorator’s async errors', async () => {
    const { user } = await renderForm({ schema }, [
      [orchestratorFormApiRef, formApi({ remote: true })],
      [githubAuthApiRef, github],
    ]);
    await user.type(screen.getByLabelText('Repo picker'), 'taken');
    await user.click(next());
    expect(await screen.findByText('already exists')).toBeInTheDocument();
    expect(
      screen.queryByTestId('orchestrator-form-review'),
    ).not.toBeInTheDocument();
  });

  it('renders the registered review component instead of the built-in one', async () => {
    const { user, handleExecute } = await renderForm(
      { schema, initialFormData: { repo: 'x' } },
      [
        [orchestratorFormApiRef, formApi({ review: true })],
        [githubAuthApiRef, github],
      ],
    );
    finishFetch!();
    await user.click(next());
    expect(
      await screen.findByText(/Custom review of Repository=x/),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('orchestrator-form-review-table'),
    ).not.toBeInTheDocument();
    await user.click(screen.getByText('Custom run'));
    await waitFor(() => expect(handleExecute).toHaveBeenCalled());
  });

  it('disables Run with the reason while disabled or executing', async () => {
    const { user, rerenderWith } = await renderForm({
      schema: { type: 'object', properties: { a: { type: 'string' } } },
      disabledReason: 'No permission',
    });
    await user.click(next());
    expect(run()).toBeDisabled();
    expect(screen.getByText('No permission')).toBeInTheDocument();
    rerenderWith({ disabledReason: undefined, isExecuting: true });
    expect(run()).toBeDisabled();
    expect(run()).toHaveTextContent('Running…');
  });
});
