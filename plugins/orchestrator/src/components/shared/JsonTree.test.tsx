import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { JsonCard } from '../InstancePage/JsonCard';

const variables = {
  workflowdata: {
    language: 'Spanish',
    result: { outputs: [{ key: 'Pods', value: 3 }] },
  },
  retries: 2,
};

describe('JsonCard / JsonTree', () => {
  it('shows the top level open and deeper levels on demand, and copies the whole JSON', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    await renderInTestApp(
      <JsonCard
        title="Variables"
        value={variables}
        emptyText="No variables."
        testId="vars"
      />,
    );
    const tree = screen.getByRole('tree', { name: 'Variables' });
    expect(within(tree).getByText('workflowdata')).toBeInTheDocument();
    expect(within(tree).getByText('language')).toBeInTheDocument();
    expect(within(tree).getByText('"Spanish"')).toBeInTheDocument();
    expect(within(tree).getByText('retries')).toBeInTheDocument();
    // `result` is two levels down: named, summarised, not opened
    expect(within(tree).getByText('1 key')).toBeInTheDocument();
    expect(within(tree).queryByText('outputs')).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Expand result' }),
    );
    expect(within(tree).getByText('outputs')).toBeInTheDocument();
    expect(within(tree).getByText('1 item')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Collapse result' }),
    );
    expect(within(tree).queryByText('outputs')).not.toBeInTheDocument();

    await userEvent.click(screen.getByTestId('vars-copy'));
    expect(writeText).toHaveBeenCalledWith(JSON.stringify(variables, null, 2));
  });

  it('says so when there is nothing to show', async () => {
    await renderInTestApp(
      <JsonCard
        title="Variables"
        value={{}}
        emptyText="No variables."
        testId="vars"
      />,
    );
    expect(screen.getByTestId('vars')).toHaveTextContent('No variables.');
    expect(screen.queryByRole('tree')).not.toBeInTheDocument();
  });
});
