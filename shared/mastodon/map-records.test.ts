import { describe, expect, it } from 'vitest';
import { IncomingPersonSchema, IncomingPostSchema } from '../connectors/incoming-schemas';
import type { Account } from '../domain';
import { localDomainOf, toPerson, toPost, visibilityOf } from './map-records';
import { MastodonAccountSchema, MastodonStatusSchema } from './payloads';
import { accountJson, asMasto, MIRA, SELF, SELF_ID, statusJson, TOM } from './testing/payloads';
import { ThreadRoots } from './thread-roots';

const ACCOUNT: Account = {
  id: 'm-1',
  network: 'mastodon',
  handle: '@me@example.social',
  displayName: 'Me',
  serverOrigin: 'https://social.example.social',
  networkUserId: SELF_ID,
  isDemo: false,
  addedAt: 0,
  syncCursor: null,
  lastSyncedAt: null,
};
const context = () => ({
  account: ACCOUNT,
  localDomain: 'example.social',
  roots: new ThreadRoots(),
});
const account = (json: unknown) => MastodonAccountSchema.parse(asMasto(json));
const status = (json: unknown) => MastodonStatusSchema.parse(asMasto(json));

describe('a Mastodon account as a person', () => {
  it('has a full handle (@user@host), for local and remote accounts alike', () => {
    expect(toPerson(account(TOM), context())).toMatchObject({
      id: `m-1|${TOM.id as string}`,
      handle: '@tom@example.social',
      displayName: 'Tom',
      isSelf: false,
    });
    expect(toPerson(account(MIRA), context()).handle).toBe('@mira@fjord.town');
    expect(toPerson(account(SELF), context()).isSelf).toBe(true);
  });

  it('falls back to the user name, and drops links that are not URLs', () => {
    const odd = {
      ...accountJson('7', 'quiet'),
      display_name: '  ',
      avatar: 'missing.png',
      url: null,
    };
    const person = toPerson(account(odd), context());
    expect(person).toMatchObject({ displayName: 'quiet', avatarUrl: null, profileUrl: null });
    expect(IncomingPersonSchema.safeParse(person).success).toBe(true);
  });

  it("takes the server's domain from the account's own handle", () => {
    expect(localDomainOf(ACCOUNT)).toBe('example.social');
    expect(localDomainOf({ ...ACCOUNT, handle: 'me' })).toBe('social.example.social');
  });
});

describe('a status as a post', () => {
  it('keeps its HTML, and takes the content warning, language, audience and authorship', () => {
    const ctx = context();
    const html = '<p>Look <a href="https://x.example/">here</a><script>alert(1)</script></p>';
    const s = status(
      statusJson({
        id: '42',
        account: SELF,
        content: html,
        spoilerText: ' garden spoilers ',
        language: 'pt_BR',
        visibility: 'unlisted',
      }),
    );
    ctx.roots.learn(s);
    const post = toPost(s, ctx);
    expect(post).toMatchObject({
      id: 'm-1|42',
      networkId: '42',
      uri: 'https://example.social/users/me/statuses/42',
      url: 'https://example.social/@me/42',
      contentHtml: html,
      contentWarning: 'garden spoilers',
      language: 'pt-BR',
      visibility: 'unlisted',
      isOwn: true,
      parent: null,
      threadId: 'm-1|42',
      root: { id: 'm-1|42', uri: 'https://example.social/users/me/statuses/42', cid: null },
    });
    expect(IncomingPostSchema.safeParse(post).success).toBe(true);
  });

  it('keeps what is attached as links and descriptions, never loaded', () => {
    const ctx = context();
    const s = status({
      ...statusJson({ id: '43', account: SELF }),
      media_attachments: [
        {
          id: '1',
          type: 'image',
          url: 'https://files.example.social/media/garden.png',
          description: ' A raised bed ',
        },
        { id: '2', type: 'gifv', url: null, remote_url: 'https://cdn.fjord.town/a.mp4' },
        { id: '3', type: 'x_future', url: 'javascript:alert(1)', description: '' },
      ],
    });
    ctx.roots.learn(s);
    const post = toPost(s, ctx);
    expect(post?.media).toEqual([
      {
        kind: 'image',
        url: 'https://files.example.social/media/garden.png',
        description: 'A raised bed',
      },
      { kind: 'video', url: 'https://cdn.fjord.town/a.mp4', description: null },
      { kind: 'other', url: null, description: null },
    ]);
    expect(IncomingPostSchema.safeParse(post).success).toBe(true);
    // A malformed list of attachments costs the attachments, not the post.
    const odd = status({ ...statusJson({ id: '44', account: SELF }), media_attachments: 'x' });
    ctx.roots.learn(odd);
    expect(toPost(odd, ctx)?.media).toEqual([]);
  });

  it('refers to its parent and root, and has no thread until its root is known', () => {
    const ctx = context();
    const root = status(statusJson({ id: '1', account: SELF }));
    const reply = status(statusJson({ id: '2', inReplyTo: { id: '1', accountId: SELF_ID } }));
    expect(toPost(reply, ctx)).toBeNull();
    ctx.roots.learn(root);
    ctx.roots.learn(reply);
    expect(toPost(reply, ctx)).toMatchObject({
      threadId: 'm-1|1',
      parent: { id: 'm-1|1', uri: 'https://example.social/users/me/statuses/1', cid: null },
      root: { id: 'm-1|1' },
      isOwn: false,
    });
  });

  it('treats audiences a server invents as private, and an unreadable language as none', () => {
    expect(visibilityOf('limited')).toBe('private');
    const ctx = context();
    const s = status(statusJson({ id: '3', language: 'english', visibility: 'direct' }));
    ctx.roots.learn(s);
    expect(toPost(s, ctx)).toMatchObject({
      language: null,
      visibility: 'direct',
      contentWarning: null,
    });
  });
});
