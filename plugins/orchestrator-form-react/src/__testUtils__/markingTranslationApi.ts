import { mockApis } from '@backstage/test-utils';
import type { TranslationApi } from '@backstage/core-plugin-api/alpha';
import { orchestratorFormTranslationRef } from '../translation';

/** Put in front of every message of the form's translation ref. */
export const MARK = '\u27ea';

/**
 * The default English translation with every run form message marked, so a
 * test can find the visible text that did not come through the ref.
 */
export function markingTranslationApi(): TranslationApi {
  const inner = mockApis.translation();
  return {
    getTranslation(ref) {
      const snapshot = inner.getTranslation(ref);
      if (ref.id !== orchestratorFormTranslationRef.id || !snapshot.ready) {
        return snapshot;
      }
      const t = ((key: any, options: any) =>
        `${MARK}${snapshot.t(key, options)}`) as typeof snapshot.t;
      return { ...snapshot, t };
    },
    translation$: ref => inner.translation$(ref),
  };
}

/** Visible texts and accessible names without the mark that are not data. */
export function unmarkedTexts(
  root: HTMLElement,
  isData: (text: string) => boolean,
): string[] {
  const found = new Set<string>();
  const check = (raw: string | null | undefined) => {
    const text = raw?.trim();
    if (!text || text.startsWith(MARK) || isData(text)) return;
    // required asterisks, separators and the placeholder of an empty value
    if (/^[\d\s\u200b.,:;*()\-–—/|"'…]*$/.test(text)) return;
    found.add(text);
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (parent?.closest('style, script, [aria-hidden="true"]')) continue;
    check(walker.currentNode.textContent);
  }
  root.querySelectorAll('[aria-label], [title]').forEach(element => {
    if (element.closest('[aria-hidden="true"]')) return;
    check(element.getAttribute('aria-label'));
    check(element.getAttribute('title'));
  });
  return [...found];
}
