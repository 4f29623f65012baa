import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../connectors/connector';
import { decodeMastodonCursor, encodeMastodonCursor } from './cursor';
import { compareIds, networkIdOf, newerId } from './ids';
import { instanceFacts } from './instance';
import { MastodonInstanceV1Schema, MastodonInstanceV2Schema } from './payloads';
import { asMasto } from './testing/payloads';

describe('what a server says about itself', () => {
  it('Mastodon 4.3+ (v2 instance, API version 2): its limits, and grouped notifications', () => {
    const v2 = MastodonInstanceV2Schema.parse(
      asMasto({
        domain: 'example.social',
        title: 'Example',
        version: '4.3.0',
        api_versions: { mastodon: 2 },
        configuration: {
          statuses: {
            max_characters: 1000,
            max_media_attachments: 4,
            characters_reserved_per_url: 23,
          },
        },
      }),
    );
    expect(instanceFacts({ version: 2, value: v2 })).toMatchObject({
      groupedNotifications: true,
      capabilities: { postLimit: { graphemes: 1000, charactersPerUrl: 23, bytes: null } },
    });
  });

  it('an older or compatible server (v1): its limits, plain notifications', () => {
    const snac = MastodonInstanceV1Schema.parse(
      asMasto({
        uri: 'localhost:8080',
        version: '4.0.0 (not true; really snac/2.75)',
        configuration: { statuses: { characters_reserved_per_url: 32, max_characters: 100000 } },
      }),
    );
    expect(instanceFacts({ version: 1, value: snac })).toMatchObject({
      groupedNotifications: false,
      capabilities: { postLimit: { graphemes: 100000, charactersPerUrl: 32 } },
    });
    const pleroma = MastodonInstanceV1Schema.parse(
      asMasto({ uri: 'p.example', max_toot_chars: 5000 }),
    );
    expect(instanceFacts({ version: 1, value: pleroma }).capabilities.postLimit.graphemes).toBe(
      5000,
    );
  });

  it("a server that says nothing: Mastodon's defaults", () => {
    expect(instanceFacts(null)).toMatchObject({
      groupedNotifications: false,
      capabilities: {
        contentWarning: true,
        directMessages: true,
        visibilities: ['public', 'unlisted', 'private', 'direct'],
        postLimit: { graphemes: 500, charactersPerUrl: 23 },
      },
    });
  });
});

describe('ids and the sync cursor', () => {
  it('orders numeric ids by value and others as text', () => {
    expect(compareIds('99', '100')).toBeLessThan(0);
    expect(compareIds('109000000000000002', '109000000000000001')).toBeGreaterThan(0);
    expect(compareIds('01HZX', '01HZY')).toBeLessThan(0);
    expect(newerId('5', null)).toBe('5');
    expect(newerId('5', '40')).toBe('40');
    expect(networkIdOf('m-1|123', 'm-1')).toBe('123');
    expect(networkIdOf('m-2|123', 'm-1')).toBeNull();
  });

  it('round-trips, and refuses what is not its own', () => {
    expect(decodeMastodonCursor(encodeMastodonCursor('196014'))).toBe('196014');
    expect(() => decodeMastodonCursor('demo-v1|5|x')).toThrow(ConnectorError);
    expect(() => decodeMastodonCursor('mastodon:')).toThrow(ConnectorError);
  });
});
