import { render, screen } from '@testing-library/react';
import { DefaultFormApi } from './DefaultFormApi';
import { orchestratorFormApiRef } from './api';

describe('DefaultFormApi', () => {
  it('renders the form it is given, with nothing injected', () => {
    const received: unknown[] = [];
    const Form = (props: object) => {
      received.push(props);
      return <div>the form</div>;
    };
    const Decorated = new DefaultFormApi().getFormDecorator()(Form);
    render(<Decorated {...({} as any)} />);
    expect(screen.getByText('the form')).toBeInTheDocument();
    expect(received).toEqual([{}]);
  });

  it('keeps the built-in review step', () => {
    expect(new DefaultFormApi().getReviewComponent()).toBeUndefined();
  });

  it('is registered under the id upstream widgets plugins use', () => {
    expect(orchestratorFormApiRef.id).toBe('plugin.orchestrator.form');
  });
});
