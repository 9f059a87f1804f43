import { screen } from '@testing-library/react';
import {
  TranslationApi,
  translationApiRef,
} from '@backstage/core-plugin-api/alpha';
import type { JSONSchema7 } from 'json-schema';
import { next, renderForm, run } from './__testUtils__/renderForm';
import { orchestratorFormTranslationRef } from './translation';
import de from './translations/de';
import es from './translations/es';

/** A TranslationApi that speaks one language for the form's ref. */
function speaking(messages: Record<string, string | null>): TranslationApi {
  const t = (key: string, options?: Record<string, string>) =>
    (messages[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name) =>
      String(options?.[name] ?? ''),
    );
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
