import { describe, expect, it } from 'vitest';
import { MASTODON_DEFAULT_CAPABILITIES } from '../../../../shared/domain';
import { countForNetwork } from '../../../../shared/text/length-counter';
import { ACCOUNT } from '../../../../tests/fixtures/records';
import { postLimitOf } from './post-limit';

describe("the composer counts with the account's own server limits", () => {
  const text = `${'a'.repeat(480)} https://example.com/${'x'.repeat(40)}`;

  it('uses what the last sync read from the server', () => {
    const account = {
      ...ACCOUNT,
      postLimit: 400,
      capabilities: {
        ...MASTODON_DEFAULT_CAPABILITIES,
        postLimit: { graphemes: 5000, charactersPerUrl: 32, bytes: null },
      },
    };
    expect(countForNetwork(text, 'mastodon', postLimitOf(account))).toMatchObject({
      used: 481 + 32,
      limit: 5000,
      over: false,
    });
  });

  it("falls back to a stored post limit, then to the network's defaults", () => {
    expect(
      countForNetwork(text, 'mastodon', postLimitOf({ ...ACCOUNT, postLimit: 400 })),
    ).toMatchObject({ limit: 400, over: true });
    expect(countForNetwork(text, 'mastodon', postLimitOf(ACCOUNT))).toMatchObject({
      used: 481 + 23,
      limit: 500,
      over: true,
    });
    expect(postLimitOf(undefined)).toEqual({});
  });
});
