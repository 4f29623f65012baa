import { expect, test } from '@playwright/test';
import { openInbox } from './support/app';
import { placesHolding } from './support/secrets';

// The token test (accounts) relies on this finder: first show it finds a secret wherever a page
// could keep one, so "found nowhere" means something.
test('the secret finder finds a secret in storage and in the page’s heap', async ({ page }) => {
  await openInbox(page);
  const secret = `tok_${Math.random().toString(36).slice(2)}${Date.now()}`;
  expect(await placesHolding(page, secret)).toEqual([]);
  await page.evaluate((value) => {
    localStorage.setItem('looks-harmless', JSON.stringify({ value }));
    (window as unknown as { kept: string[] }).kept = [`Bearer ${value}`];
  }, secret);
  expect(await placesHolding(page, secret)).toEqual([
    'localStorage:looks-harmless',
    'JavaScript heap',
  ]);
});
