import { screen, waitFor } from '@testing-library/react';
import {
  TranslationApi,
  translationApiRef,
} from '@backstage/core-plugin-api/alpha';
import type { JSONSchema7 } from 'json-schema';
import { next, renderForm, run } from './__testUtils__/renderForm';
import {
  markingTranslationApi,
  unmarkedTexts,
} from './__testUtils__/markingTranslationApi';
import { orchestratorFormTranslationRef } from './translation';
import de from './translations/de';
import es from './translations/es';

/** A TranslationApi that speaks one language (with one and other plurals) for the form's ref. */
function speaking(messages: Record<string, string | null>): TranslationApi {
  const t = (key: string, options?: Record<string, unknown>) => {
    const plural =
      typeof options?.count === 'number'
        ? `${key}_${options.count === 1 ? 'one' : 'other'}`
        : key;
    return (messages[plural] ?? messages[key] ?? key).replace(
      /\{\{(\w+)\}\}/g,
      (_, name) => String(options?.[name] ?? ''),
    );
  };
  return {
    getTranslation: () => ({ ready: true, t } as any),
    translation$: () =>
      ({ subscribe: () => ({ unsubscribe() {}, closed: false }) } as any),
  };
}

const schema: JSONSchema7 = {
  type: 'object',
  properties: { agree: { type: 'boolean', title: 'Agree', default: true } },
};

// Fields whose errors come from the form: the schema's checks, then sign-in on Run.
const checked = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: 'Name', minLength: 3 },
    count: { type: 'integer', title: 'Count', maximum: 3 },
    token: {
      type: 'string',
      'ui:widget': 'AuthRequester',
      'ui:props': { authTokenDescriptors: [{ provider: 'nowhere' }] },
    },
  },
} as JSONSchema7;

const isData = (text: string) => ['Name', 'Count', 'abc', '1'].includes(text);

const expectAllMarked = () =>
  waitFor(() => expect(unmarkedTexts(document.body, isData)).toEqual([]));

describe('run form translations', () => {
  it('shows the form in German', async () => {
    const { user } = await renderForm({ schema }, [
      [translationApiRef, speaking(de.messages)],
    ]);
    expect(next()).toHaveTextContent('Prüfen');
    await screen.findByText('Agree');
    await user.click(next());
    expect(
      await screen.findByText('Ja', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(run()).toHaveTextContent('Starten');
    expect(screen.getByText('Zurück')).toBeInTheDocument();
  });

  it('finds a text that bypasses the translation ref (the check itself works)', () => {
    document.body.innerHTML =
      '<div><span>\u27eaRun</span><p>Name is required</p><span>Name</span></div>';
    expect(unmarkedTexts(document.body, isData)).toEqual(['Name is required']);
    document.body.innerHTML = '';
  });

  it('words validation messages and sign-in errors through the ref', async () => {
    const { user } = await renderForm({ schema: checked }, [
      [translationApiRef, markingTranslationApi()],
    ]);
    await user.click(next());
    expect(await screen.findByText(/is required/)).toBeInTheDocument();
    await expectAllMarked();

    await user.type(screen.getByLabelText(/^Name/), 'ab');
    await user.type(screen.getByLabelText(/^Count/), '9');
    await user.click(next());
    expect(await screen.findByText(/3 characters long/)).toBeInTheDocument();
    expect(screen.getByText(/3 or less/)).toBeInTheDocument();
    await expectAllMarked();

    await user.type(screen.getByLabelText(/^Name/), 'c');
    await user.clear(screen.getByLabelText(/^Count/));
    await user.type(screen.getByLabelText(/^Count/), '1');
    await user.click(next());
    await user.click(await screen.findByTestId('orchestrator-form-run'));
    expect(
      await screen.findByTestId('orchestrator-form-run-error'),
    ).toHaveTextContent('nowhere');
    await expectAllMarked();
  });

  it('words validation messages in German, plurals included', async () => {
    const { user } = await renderForm({ schema: checked }, [
      [translationApiRef, speaking(de.messages)],
    ]);
    await user.type(screen.getByLabelText(/^Name/), 'ab');
    await user.click(next());
    expect(
      await screen.findByText('Name muss mindestens 3 Zeichen lang sein'),
    ).toBeInTheDocument();
  });

  it('has every message in German and Spanish', () => {
    const keys = (m: object) => Object.keys(m).sort();
    const english = Object.keys(
      (orchestratorFormTranslationRef as any).getDefaultMessages(),
    ).sort();
    expect(keys(de.messages)).toEqual(english);
    expect(keys(es.messages)).toEqual(english);
    for (const text of [
      ...Object.values(de.messages),
      ...Object.values(es.messages),
    ]) {
      expect(text).toBeTruthy();
    }
  });
});
