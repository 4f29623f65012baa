import { expect, test } from '@playwright/test';
import { openInbox } from './support/app';
for (const width of [1280, 760]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`shot ${width} ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await openInbox(page);
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      const editor = page.getByRole('dialog', { name: 'Settings' });
      await editor.getByRole('button', { name: 'Add “Deep-work mornings”' }).click();
      await editor.getByRole('button', { name: 'Add “Quiet evenings”' }).click();
      await editor.getByLabel('Sunday delivery time 1').fill('');
      await editor.getByRole('button', { name: 'Save settings' }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/shots/s-${width}-${scheme}-a.png` });
      await editor
        .getByRole('group', { name: 'Focus window 1', exact: true })
        .scrollIntoViewIfNeeded();
      await editor.getByRole('figure').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/shots/s-${width}-${scheme}-b.png` });
      await editor.getByRole('button', { name: 'Save settings' }).scrollIntoViewIfNeeded();
      await page.keyboard.press('Escape');
      await page.screenshot({ path: `/tmp/shots/s-${width}-${scheme}-c.png` });
      await expect(editor).toBeVisible();
    });
  }
}
