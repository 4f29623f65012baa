import { describe, expect, it } from 'vitest';
import {
  accountFromLabel,
  accountMarkLabel,
  accountViaLabel,
  showAccountMarks,
} from './account-mark';

const demo = { isDemo: true };
const real = { isDemo: false };

describe('account marks', () => {
  it('are hidden for the demo alone, and shown as soon as a real account is connected', () => {
    expect(showAccountMarks([])).toBe(false);
    expect(showAccountMarks([demo])).toBe(false);
    expect(showAccountMarks([real])).toBe(true);
    expect(showAccountMarks([demo, real])).toBe(true);
  });

  it('read as a sentence for screen readers', () => {
    const bluesky = { network: 'bluesky' as const, handle: 'alice.bsky.social' };
    expect(accountMarkLabel(bluesky)).toBe('to alice.bsky.social on Bluesky');
    expect(accountViaLabel(bluesky)).toBe('via alice.bsky.social on Bluesky');
    expect(accountFromLabel({ network: 'mastodon', handle: '@me@example.social' })).toBe(
      'from @me@example.social on Mastodon',
    );
  });
});
