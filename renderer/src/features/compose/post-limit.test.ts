import { describe, expect, it } from 'vitest';
import { BLUESKY_CAPABILITIES, MASTODON_DEFAULT_CAPABILITIES } from '@shared/domain';
import { countForNetwork } from '@shared/text/length-counter';
import { ACCOUNT } from '../../../../tests/fixtures/records';
import { capabilitiesOf, postLimitOf } from './post-limit';

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

describe('a Bluesky reply counts against Bluesky', () => {
  const bluesky = {
    ...ACCOUNT,
    id: 'b-0000000000000001',
    network: 'bluesky' as const,
    handle: 'me.bsky.social',
  };

  it('offers only what Bluesky supports: public, language, no content warning', () => {
    expect(capabilitiesOf(bluesky)).toEqual(BLUESKY_CAPABILITIES);
    expect(capabilitiesOf(ACCOUNT).visibilities).toEqual([
      'public',
      'unlisted',
      'private',
      'direct',
    ]);
  });

  it('counts graphemes and bytes, links as written', () => {
    const link = `https://example.com/${'x'.repeat(100)}`;
    expect(
      countForNetwork(`${'a'.repeat(150)} ${link}`, 'bluesky', postLimitOf(bluesky)),
    ).toMatchObject({
      used: 151 + link.length,
      limit: 300,
      over: false,
    });
    // Family emoji are one grapheme of 25 bytes: 200 fit in 300 graphemes but not in 3,000 bytes.
    const families = '👨‍👩‍👧‍👦'.repeat(200);
    expect(countForNetwork(families, 'bluesky', postLimitOf(bluesky))).toMatchObject({
      used: 200,
      remaining: 100,
      over: true,
    });
  });

  it('follows limits the account’s capabilities carry', () => {
    const roomier = {
      ...bluesky,
      capabilities: {
        ...BLUESKY_CAPABILITIES,
        postLimit: { graphemes: 1000, charactersPerUrl: null, bytes: 10_000 },
      },
    };
    const long = 'a'.repeat(500);
    expect(countForNetwork(long, 'bluesky', postLimitOf(roomier))).toMatchObject({
      limit: 1000,
      over: false,
      bytes: { used: 500, limit: 10_000 },
    });
    expect(countForNetwork(long, 'bluesky', postLimitOf(bluesky))).toMatchObject({
      remaining: -200,
      over: true,
    });
  });
});
