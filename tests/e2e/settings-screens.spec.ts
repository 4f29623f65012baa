import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openInbox } from './support/app';

// Settings at 1280 and 760 px wide, light and dark: axe-clean at every impact, and saved as
// screenshots for the README.

for (const width of [1280, 760]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`Settings at ${width} px, ${scheme}: no accessibility problem of any impact`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await openInbox(page);
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      const editor = page.getByRole('dialog', { name: 'Settings' });
      await editor.getByRole('button', { name: 'Add “Deep-work mornings”' }).click();
      await editor.getByRole('button', { name: 'Add “Quiet evenings”' }).click();
      const group = editor.getByRole('group', { name: 'Delivery times', exact: true });
      await group.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(__dirname, 'screenshots', `settings-${width}-${scheme}.png`),
      });
      await editor.getByRole('figure').scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(__dirname, 'screenshots', `settings-week-${width}-${scheme}.png`),
      });
      const results = await new AxeBuilder({ page }).include('dialog[open]').analyze();
      expect(
        results.violations.map(
          (v) => `${v.impact}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        ),
      ).toEqual([]);
    });
  }
}
