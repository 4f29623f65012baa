import { describe, expect, it } from 'vitest';
import { createAvatarKeys } from './avatar-keys';

const KEY = `${'a'.repeat(64)}.png`;

describe('the page’s record of stored avatars', () => {
  it('asks main once for every face shown together, and learns where each is served', async () => {
    const calls: string[][] = [];
    const keys = createAvatarKeys({
      store: (urls) => {
        calls.push(urls);
        return Promise.resolve({
          ok: true,
          value: {
            avatars: urls.map((url) => ({
              url,
              key: url.endsWith('a.png') ? KEY : null,
              reason: url.endsWith('a.png') ? null : 'The answer was text/html.',
            })),
          },
        });
      },
      now: () => 0,
    });
    let changes = 0;
    keys.subscribe(() => (changes += 1));
    keys.request('https://x.example/a.png');
    keys.request('https://x.example/b.png');
    keys.request('https://x.example/a.png');
    expect(keys.state('https://x.example/a.png')).toEqual({ status: 'missing' });
    await expect.poll(() => changes).toBe(1);
    expect(calls).toEqual([['https://x.example/a.png', 'https://x.example/b.png']]);
    expect(keys.state('https://x.example/a.png')).toEqual({
      status: 'stored',
      src: `/avatars/${KEY}`,
    });
    expect(keys.state('https://x.example/b.png')).toEqual({ status: 'missing' });
    keys.request('https://x.example/a.png');
    keys.request('https://x.example/b.png');
    await Promise.resolve();
    expect(calls).toHaveLength(1);
  });

  it('shows the placeholder when main cannot be reached, and asks again later', async () => {
    let now = 0;
    let calls = 0;
    const keys = createAvatarKeys({
      store: () => {
        calls += 1;
        return Promise.reject(new Error('offline'));
      },
      now: () => now,
      retryAfterMs: 1000,
    });
    let changes = 0;
    keys.subscribe(() => (changes += 1));
    keys.request('https://x.example/a.png');
    await expect.poll(() => changes).toBe(1);
    expect(keys.state('https://x.example/a.png')).toEqual({ status: 'missing' });
    keys.request('https://x.example/a.png');
    await Promise.resolve();
    expect(calls).toBe(1);
    now = 1000;
    keys.request('https://x.example/a.png');
    await expect.poll(() => calls).toBe(2);
  });
});
