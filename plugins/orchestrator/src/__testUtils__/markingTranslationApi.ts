import { mockApis } from '@backstage/test-utils';
import { TranslationApi } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../translation';

/** Put in front of every message of the plugin's translation ref. */
export const MARK = '\u27ea';

/**
 * The default English translation with every Orchestrator message marked,
 * so a test can find the visible text that did not come through it.
 */
export function markingTranslationApi(): TranslationApi {
  const inner = mockApis.translation();
  return {
    getTranslation(ref) {
      const snapshot = inner.getTranslation(ref);
      if (ref.id !== orchestratorTranslationRef.id || !snapshot.ready) {
        return snapshot;
      }
      const t = ((key: any, options: any) =>
        `${MARK}${snapshot.t(key, options)}`) as typeof snapshot.t;
      return { ...snapshot, t };
    },
    translation$: ref => inner.translation$(ref),
  };
}

/** Text and accessible names on the page that carry no mark and are not data. */
export function unmarkedTexts(
  root: HTMLElement,
  isData: (text: string) => boolean,
): string[] {
  const found = new Set<string>();
  const check = (raw: string | null | undefined) => {
    const text = raw?.trim();
    if (!text || text.startsWith(MARK) || isData(text)) return;
    // numbers, counts, separators and placeholders for missing values
    if (/^[\d\s\u200b.,:;%()\-–—·/|"'…+]*$/.test(text)) return;
    found.add(text);
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (parent?.closest('style, script, [aria-hidden="true"]')) continue;
    check(walker.currentNode.textContent);
  }
  root.querySelectorAll('[aria-label], [title], [placeholder]').forEach(el => {
    if (el.closest('[aria-hidden="true"]')) return;
    check(el.getAttribute('aria-label'));
    check(el.getAttribute('title'));
    check(el.getAttribute('placeholder'));
  });
  return [...found];
}
