import type { Page } from '@playwright/test';
import { mulberry32 } from '@shared/demo/prng';

/**
 * Composer keystroke to paint, measured inside the page: from the key event's timestamp to just
 * after the first frame in which the length counter shows the new text (a message posted from
 * that frame's animation callback runs after it is painted). Keys come at a typist's pace with
 * pauses, so the draft autosave (debounced) writes to IndexedDB in between and during typing.
 * Shift, which types nothing, gives the floor: keystroke to the next paint with no work.
 */
const COMPOSER_TIMER = `(() => {
  window.__composerTimes = { type: [], floor: [] };
  const counter = () => document.getElementById('reply-counter')?.textContent ?? '';
  const afterPaint = (list, t0) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => list.push(performance.now() - t0);
    channel.port2.postMessage(0);
  };
  window.addEventListener('keydown', (event) => {
    const t0 = event.timeStamp;
    if (event.key === 'Shift') {
      requestAnimationFrame(() => afterPaint(window.__composerTimes.floor, t0));
      return;
    }
    const before = counter();
    const check = () => {
      if (counter() !== before) afterPaint(window.__composerTimes.type, t0);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, { capture: true });
})()`;

interface ComposerTimes {
  readonly type: number[];
  readonly floor: number[];
}

async function times(page: Page): Promise<ComposerTimes> {
  return page.evaluate(
    () => (window as unknown as { __composerTimes: ComposerTimes }).__composerTimes,
  );
}

const SENTENCE =
  'Thank you for thinking of me. The time zone bug sounds like fun; Tuesday afternoon works well. ';

export interface ComposerRun {
  readonly typed: number[];
  readonly floor: number[];
  /** Draft writes that happened while typing (the draft's updatedAt changed). */
  readonly autosaves: number;
}

/** Opens the composer on the selected conversation and types `keys` characters, measured. */
export async function measureComposer(page: Page, keys: number, warmUp = 10): Promise<ComposerRun> {
  await page.keyboard.press('r');
  const field = page.getByRole('textbox', { name: /^Your reply to / });
  await field.waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  await page.evaluate(COMPOSER_TIMER);
  const random = mulberry32(7);
  let saves = 0;
  let lastSaved = '';
  const draftSavedAt = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('slowpost');
          open.onsuccess = () => {
            const all = open.result.transaction('drafts').objectStore('drafts').getAll();
            all.onsuccess = () => {
              resolve((all.result as { updatedAt: number }[]).map((d) => d.updatedAt).join(','));
              open.result.close();
            };
          };
        }),
    );
  for (let i = 0; i < warmUp + keys; i++) {
    const char = SENTENCE[i % SENTENCE.length] ?? 'a';
    const before = (await times(page)).type.length;
    await page.keyboard.type(char);
    await page.waitForFunction(
      (n) =>
        (window as unknown as { __composerTimes: ComposerTimes }).__composerTimes.type.length > n,
      before,
    );
    // A typist's pace: mostly 60–180 ms between keys, a pause now and then (the autosave writes).
    // Shift, half-way through each pause, gives one floor sample per key in the same conditions
    // (a floor from a dozen presses, as before 2 December, made its p95 mere noise).
    const pause = random() < 0.15 ? 320 + random() * 300 : 60 + random() * 120;
    await page.waitForTimeout(pause / 2);
    await page.keyboard.press('Shift');
    await page.waitForTimeout(pause / 2);
    if (i % 10 === 9) {
      const saved = await draftSavedAt();
      if (saved !== lastSaved) saves += 1;
      lastSaved = saved;
    }
  }
  const all = await times(page);
  await page.keyboard.press('Escape');
  return { typed: all.type.slice(warmUp), floor: all.floor.slice(warmUp), autosaves: saves };
}
