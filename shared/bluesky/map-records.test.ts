import { describe, expect, it } from 'vitest';
import type { Account } from '../domain';
import { toPost } from './map-records';
import { PostRecordSchema } from './payloads';

const ACCOUNT: Account = {
  id: 'b-1',
  network: 'bluesky',
  handle: 'me.bsky.social',
  displayName: 'Me',
  serverOrigin: 'https://pds.example',
  networkUserId: 'did:plc:me',
  isDemo: false,
  addedAt: 0,
  syncCursor: null,
  lastSyncedAt: null,
};
const URI = 'at://did:plc:mira/app.bsky.feed.post/3k2a';

function postWith(embed: unknown) {
  const record = PostRecordSchema.parse({
    text: 'Look!',
    createdAt: '2026-12-01T09:00:00.000Z',
    embed,
  });
  return toPost({ uri: URI, cid: 'bafy', authorDid: 'did:plc:mira', record }, ACCOUNT);
}

describe('what a Bluesky post has attached', () => {
  it('is told by its descriptions; the record holds blobs, never an address to load', () => {
    const image = { $type: 'blob', ref: { $link: 'bafk' }, mimeType: 'image/png', size: 10 };
    expect(
      postWith({
        $type: 'app.bsky.embed.images',
        images: [
          { alt: ' A raised bed ', image },
          { alt: '', image },
        ],
      }).media,
    ).toEqual([
      { kind: 'image', url: null, description: 'A raised bed' },
      { kind: 'image', url: null, description: null },
    ]);
    expect(
      postWith({
        $type: 'app.bsky.embed.recordWithMedia',
        record: { record: { uri: URI, cid: 'bafy' } },
        media: { $type: 'app.bsky.embed.video', alt: 'Bees', video: image },
      }).media,
    ).toEqual([{ kind: 'video', url: null, description: 'Bees' }]);
  });

  it('is nothing for a quote, an unknown embed or a malformed one', () => {
    expect(postWith(undefined).media).toEqual([]);
    expect(postWith({ $type: 'app.bsky.embed.record', record: {} }).media).toEqual([]);
    expect(postWith({ $type: 'app.bsky.embed.images', images: 'x' }).media).toEqual([]);
  });
});
