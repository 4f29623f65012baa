import type { Page } from '@playwright/test';

/**
 * Keystroke to paint, measured inside the page: from the key event's timestamp to just after the
 * first frame in which the selected conversation has changed (a message posted from that frame's
 * animation callback runs after it is painted). A key the app ignores gives the floor: keystroke to
 * the next paint with no work at all.
 */
// Plain JavaScript, sent as text: the TypeScript runner's helpers do not exist in the page.
const KEY_TIMER = `(() => {
  window.__keyTimes = {};
  const selected = () =>
    document.querySelector('[role="listbox"][aria-label="Conversations"] [aria-selected="true"]')?.id ?? null;
  const afterPaint = (key, t0) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (window.__keyTimes[key] ??= []).push(performance.now() - t0);
    channel.port2.postMessage(0);
  };
  window.addEventListener('keydown', (event) => {
    // Typing (the composer, measured on its own) is not triage: a key that can never change the
    // selection would otherwise be watched for ever, every frame.
    const target = event.target;
    if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName))) return;
    const t0 = event.timeStamp;
    if (event.key === 'q') {
      requestAnimationFrame(() => afterPaint('q', t0));
      return;
    }
    const before = selected();
    // A key that has not changed the selection within a second (r, which opens the composer) is
    // not triage: watching it every frame for ever would add work to every frame measured after
    // it (the composer's keystrokes among them).
    const check = () => {
      if (selected() !== before) afterPaint(event.key, t0);
      else if (performance.now() - t0 < 1000) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, { capture: true });
})()`;

export async function installKeyTimer(page: Page): Promise<void> {
  await page.evaluate(KEY_TIMER);
}

export async function keyTimes(page: Page, key: string): Promise<number[]> {
  return page.evaluate(
    (k) => (window as unknown as { __keyTimes: Record<string, number[]> }).__keyTimes[k] ?? [],
    key,
  );
}

/** Presses `key` `count` times, each after the previous one has painted. */
export async function pressMeasured(page: Page, key: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const before = (await keyTimes(page, key)).length;
    await page.keyboard.press(key);
    await page.waitForFunction(
      ([k, n]) =>
        ((window as unknown as { __keyTimes: Record<string, number[]> }).__keyTimes[k]?.length ??
          0) > n,
      [key, before] as const,
      { timeout: 10_000 },
    );
  }
}

export function stats(values: readonly number[]): { median: number; p95: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}
