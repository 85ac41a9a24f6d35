/** The checks every browser test uses: axe-core (serious or critical violations), sideways scrolling, locale keys shown as words. */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Serious or critical WCAG 2.1 A/AA violations on the page, each with a few of its elements. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? n.failureSummary ?? ''}`.trim())
          .join(' | ')}`,
    );
}

/** Whether the page scrolls sideways (at 390 px nothing should, but for elements made to scroll). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth + 1);
}

/** A locale key shown instead of its words ("trash.showDeleted"): a group of the English file, a dot, a key. */
const LOCALE_KEY = new RegExp(
  `\\b(?:${Object.keys(JSON.parse(readFileSync(fileURLToPath(new URL('../web/src/locales/en.json', import.meta.url)), 'utf8'))).join('|')})\\.[a-z][a-zA-Z]+\\b`,
  'g',
);

/** The locale keys the page shows where words should be (words that had not arrived, or are missing). */
export async function shownKeys(page: Page): Promise<string[]> {
  // Each text node apart (two elements' texts run together would hide a key behind a letter).
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const tag = n.parentElement?.tagName;
      if (tag !== 'STYLE' && tag !== 'SCRIPT' && n.textContent) out.push(n.textContent);
    }
    return out;
  });
  return [...new Set(texts.flatMap((t) => t.match(LOCALE_KEY) ?? []))];
}
