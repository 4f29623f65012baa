import { describe, expect, it, vi } from 'vitest';
import { lazyScreen } from './lazy-screen';

function Screen() {
  return null;
}

describe('lazyScreen', () => {
  it('loads its code once, however often it is wanted, and tells who waits', async () => {
    const importer = vi.fn(() => Promise.resolve(Screen));
    const screen = lazyScreen(importer);
    const listener = vi.fn();
    screen.subscribe(listener);
    expect(screen.loaded()).toBeNull();

    await Promise.all([screen.load(), screen.load()]);
    await screen.load();

    expect(screen.loaded()).toBe(Screen);
    expect(importer).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('after a failed load, the next want tries again (a screen never stays unopenable)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const importer = vi
      .fn<() => Promise<typeof Screen>>()
      .mockRejectedValueOnce(new Error('chunk missing'))
      .mockResolvedValueOnce(Screen);
    const screen = lazyScreen(importer);

    await screen.load();
    expect(screen.loaded()).toBeNull();
    await screen.load();

    expect(screen.loaded()).toBe(Screen);
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it('stops telling a listener that unsubscribed', async () => {
    const screen = lazyScreen(() => Promise.resolve(Screen));
    const listener = vi.fn();
    const unsubscribe = screen.subscribe(listener);
    unsubscribe();
    await screen.load();
    expect(listener).not.toHaveBeenCalled();
  });
});
