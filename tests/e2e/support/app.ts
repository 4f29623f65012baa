import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export function conversationList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Conversations' });
}

export function conversations(page: Page): Locator {
  return conversationList(page).getByRole('option');
}

/** Opens the app and waits until the demo inbox has conversations in it. */
export async function openInbox(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(conversations(page).first()).toBeVisible();
  await expect(page.getByRole('status')).not.toContainText('Preparing');
}

/** axe-core on the current screen; returns the serious and critical violations only. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
