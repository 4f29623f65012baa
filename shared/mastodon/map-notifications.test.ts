import { describe, expect, it } from 'vitest';
import type { IncomingActivity } from '../connectors/connector';
import { sanitizeBatch } from '../connectors/sanitize-batch';
import type { Account } from '../domain';
import { buildDigest } from '../session/digest';
import {
  addGroup,
  addNotification,
  memberNetworkId,
  parseEach,
  RecordsBuilder,
} from './map-notifications';
import type { MappingContext } from './map-records';
import {
  MastodonAccountSchema,
  MastodonNotificationSchema,
  MastodonStatusSchema,
  NotificationGroupSchema,
} from './payloads';
import {
  accountJson,
  asMasto,
  groupJson,
  MIRA,
  mentionJson,
  notificationJson,
  SELF,
  SELF_ID,
  statusJson,
  TOM,
} from './testing/payloads';
import { ThreadRoots } from './thread-roots';

const ACCOUNT: Account = {
  id: 'm-0123456789abcdef',
  network: 'mastodon',
  handle: '@me@example.social',
  displayName: 'Me',
  serverOrigin: 'https://example.social',
  networkUserId: SELF_ID,
  isDemo: false,
  addedAt: 0,
  syncCursor: null,
  lastSyncedAt: null,
};
const local = (id: string) => `${ACCOUNT.id}|${id}`;

function context(): MappingContext {
  return { account: ACCOUNT, localDomain: 'example.social', roots: new ThreadRoots() };
}

/** Parses notifications as the connector does, learns their statuses, and maps them. */
function mapPlain(json: readonly unknown[], ctx = context()) {
  const builder = new RecordsBuilder(ctx);
  const notifications = parseEach(
    asMasto(json) as unknown[],
    MastodonNotificationSchema,
    'notification',
    (id, message) => builder.addProblem(id, message),
  );
  for (const n of notifications) if (n.status != null) ctx.roots.learn(n.status);
  for (const n of notifications) addNotification(builder, n);
  return builder.toBatch('c', false);
}

const ownPost = statusJson({ id: '200', account: SELF, content: '<p>My sourdough starter</p>' });

describe('a notification of each type becomes activity', () => {
  it('mention, direct message and reply', () => {
    const batch = mapPlain([
      notificationJson(
        '1',
        'mention',
        MIRA,
        statusJson({ id: '301', content: '<p>@me look!</p>', mentions: [mentionJson(SELF)] }),
      ),
      notificationJson('2', 'mention', MIRA, statusJson({ id: '302', visibility: 'direct' })),
      notificationJson(
        '3',
        'mention',
        TOM,
        statusJson({ id: '303', account: TOM, inReplyTo: { id: '200', accountId: SELF_ID } }),
      ),
    ]);
    expect(batch.activity.map((a) => [a.networkId, a.kind, a.rawType, a.actorId])).toEqual([
      ['1', 'mention', 'mention', local(MIRA.id as string)],
      ['2', 'direct', 'mention', local(MIRA.id as string)],
      ['3', 'reply', 'mention', local(TOM.id as string)],
    ]);
    expect(batch.activity[0]).toMatchObject({ postId: local('301'), threadId: local('301') });
    expect(batch.problems).toEqual([]);
  });

  it('favourite and boost point at the own post; follows and follow requests are follows', () => {
    const batch = mapPlain([
      notificationJson('4', 'favourite', MIRA, ownPost),
      notificationJson('5', 'reblog', TOM, ownPost),
      notificationJson('6', 'follow', accountJson('9', 'ana'), null),
      notificationJson('7', 'follow_request', accountJson('10', 'bo'), null),
    ]);
    expect(batch.activity.map((a) => [a.kind, a.rawType, a.postId, a.subjectPostId])).toEqual([
      ['favourite', 'favourite', null, local('200')],
      ['boost', 'reblog', null, local('200')],
      ['follow', 'follow', null, null],
      ['follow', 'follow_request', null, null],
    ]);
    // The own post comes along, so the appreciation line can quote it.
    expect(batch.posts.map((p) => [p.id, p.isOwn])).toEqual([[local('200'), true]]);
  });

  it('a quote names the quoting post and the quoted own post (whole or by id)', () => {
    const whole = statusJson({ id: '305', quote: { state: 'accepted', quoted_status: ownPost } });
    const shallow = statusJson({
      id: '306',
      quote: { state: 'accepted', quoted_status_id: '201' },
    });
    const batch = mapPlain([
      notificationJson('8', 'quote', MIRA, whole),
      notificationJson('9', 'quote', MIRA, shallow),
    ]);
    expect(batch.activity.map((a) => [a.kind, a.postId, a.subjectPostId])).toEqual([
      ['quote', local('305'), local('200')],
      ['quote', local('306'), local('201')],
    ]);
    expect(batch.posts.map((p) => p.id).sort()).toEqual([local('200'), local('305'), local('306')]);
  });

  it('status, poll, update and types Slowpost does not know yet are "other", keeping the name', () => {
    const batch = mapPlain([
      notificationJson('10', 'status', MIRA, statusJson({ id: '310' })),
      notificationJson('11', 'poll', MIRA, statusJson({ id: '311' })),
      notificationJson('12', 'update', MIRA, statusJson({ id: '312' })),
      notificationJson('13', 'admin.sign_up', accountJson('11', 'newbie'), null),
      notificationJson('14', 'severed_relationships', MIRA, null),
      notificationJson('15', 'wave', MIRA, null),
    ]);
    expect(batch.activity.map((a) => [a.kind, a.rawType])).toEqual([
      ['other', 'status'],
      ['other', 'poll'],
      ['other', 'update'],
      ['other', 'admin.sign_up'],
      ['other', 'severed_relationships'],
      ['other', 'wave'],
    ]);
    expect(sanitizeBatch(batch).problems).toEqual([]);
  });

  it('skips, with the reason, what it cannot read, and keeps the rest', () => {
    const batch = mapPlain([
      notificationJson('20', 'mention', MIRA, null),
      { ...notificationJson('21', 'mention', MIRA, statusJson({ id: '321' })), created_at: 'soon' },
      { ...notificationJson('22', 'favourite', MIRA, ownPost), account: { id: '5' } },
      notificationJson('23', 'mention', MIRA, statusJson({ id: '323' })),
    ]);
    expect(batch.activity.map((a) => a.networkId)).toEqual(['23']);
    expect(batch.problems.map((p) => [p.itemId, p.message])).toEqual([
      [local('21'), expect.stringMatching(/^Invalid notification: createdAt: expected a date/)],
      [local('22'), expect.stringMatching(/^Invalid notification: account\.username: /)],
      [local('20'), 'A "mention" notification without the post it is about.'],
    ]);
  });

  it('every record passes the sync boundary as it is', () => {
    const batch = mapPlain([
      notificationJson('1', 'mention', MIRA, statusJson({ id: '301', language: 'en_GB' })),
      notificationJson('4', 'favourite', MIRA, ownPost),
    ]);
    const checked = sanitizeBatch(batch);
    expect(checked.problems).toEqual([]);
    expect(checked.batch.posts.find((p) => p.id === local('301'))?.language).toBe('en-GB');
  });
});

describe('grouped notifications (v2)', () => {
  const statuses = new Map(
    [ownPost].map((s) => {
      const parsed = MastodonStatusSchema.parse(asMasto(s));
      return [parsed.id, parsed];
    }),
  );
  const people = [MIRA, TOM, accountJson('12', 'ana'), accountJson('13', 'bo')];
  const accounts = new Map(
    people.map((a) => {
      const parsed = MastodonAccountSchema.parse(asMasto(a));
      return [parsed.id, parsed];
    }),
  );

  function mapGroups(groups: readonly unknown[], ctx = context()) {
    const builder = new RecordsBuilder(ctx);
    for (const status of statuses.values()) ctx.roots.learn(status);
    for (const json of groups) {
      addGroup(builder, NotificationGroupSchema.parse(asMasto(json)), { accounts, statuses });
    }
    return builder.toBatch('c', false);
  }

  it('a group becomes one item per member, each named by what they did', () => {
    const batch = mapGroups([
      groupJson({
        key: 'favourite-200-479000',
        type: 'favourite',
        count: 2,
        newest: '196014',
        oldest: '196013',
        sample: [MIRA.id as string, TOM.id as string],
        statusId: '200',
      }),
      groupJson({
        key: 'ungrouped-196015',
        type: 'mention',
        count: 1,
        newest: '196015',
        sample: [],
      }),
    ]);
    expect(batch.activity.map((a) => a.networkId)).toEqual([
      memberNetworkId('favourite', '200', MIRA.id as string),
      memberNetworkId('favourite', '200', TOM.id as string),
    ]);
    expect(batch.problems.map((p) => p.message)).toEqual([
      'A "mention" notification group without the post it is about.',
    ]);
  });

  it('a group that grows after a delivery brings only its new members, and the line counts people', () => {
    const before = mapGroups([
      groupJson({
        key: 'favourite-200-479000',
        type: 'favourite',
        count: 2,
        newest: '196014',
        oldest: '196013',
        sample: [MIRA.id as string, TOM.id as string],
        statusId: '200',
      }),
    ]);
    // Later the same group, now with two more people (in a page after the cursor).
    const after = mapGroups([
      groupJson({
        key: 'favourite-200-479000',
        type: 'favourite',
        count: 2,
        newest: '196030',
        oldest: '196020',
        sample: ['12', '13'],
        statusId: '200',
      }),
    ]);
    const delivered = new Set(before.activity.map((a) => a.id));
    const fresh = after.activity.filter((a) => !delivered.has(a.id));
    expect(fresh.map((a) => a.actorId)).toEqual([local('12'), local('13')]);

    const lookup = {
      people: new Map(
        [...before.people, ...after.people].map((p) => [
          p.id,
          { ...p, firstSeenAt: 0, screening: 'let-in' as const, notes: '', keepInTouchDays: null },
        ]),
      ),
      posts: new Map([...before.posts, ...after.posts].map((p) => [p.id, p])),
    };
    const released = (items: readonly IncomingActivity[]) =>
      items.map((item) => ({ ...item, arrivedAt: 0, deliveryId: 'd1' }));
    expect(buildDigest(released(before.activity), lookup)?.text).toBe(
      'Mira and Tom appreciated your post “My sourdough starter”',
    );
    expect(buildDigest(released(fresh), lookup)?.text).toBe(
      'Ana and Bo appreciated your post “My sourdough starter”',
    );
    expect(buildDigest(released([...before.activity, ...fresh]), lookup)?.peopleCount).toBe(4);
  });

  it('members the server listed beyond the sample count too', () => {
    const ctx = context();
    const builder = new RecordsBuilder(ctx);
    for (const status of statuses.values()) ctx.roots.learn(status);
    const group = NotificationGroupSchema.parse(
      asMasto(
        groupJson({
          key: 'reblog-200-479000',
          type: 'reblog',
          count: 3,
          newest: '196040',
          oldest: '196031',
          sample: [MIRA.id as string],
          statusId: '200',
        }),
      ),
    );
    addGroup(builder, group, { accounts, statuses }, [
      accounts.get('12') ?? MastodonAccountSchema.parse({}),
      accounts.get('13') ?? MastodonAccountSchema.parse({}),
    ]);
    expect(builder.toBatch(null, false).activity.map((a) => [a.kind, a.actorId])).toEqual([
      ['boost', local(MIRA.id as string)],
      ['boost', local('12')],
      ['boost', local('13')],
    ]);
  });

  it('an ungrouped mention keeps its notification id, as in v1', () => {
    const ctx = context();
    const mention = MastodonStatusSchema.parse(asMasto(statusJson({ id: '330' })));
    const builder = new RecordsBuilder(ctx);
    ctx.roots.learn(mention);
    addGroup(
      builder,
      NotificationGroupSchema.parse(
        asMasto(
          groupJson({
            key: 'ungrouped-196050',
            type: 'mention',
            count: 1,
            newest: '196050',
            sample: [MIRA.id as string],
            statusId: '330',
          }),
        ),
      ),
      { accounts, statuses: new Map([['330', mention]]) },
    );
    expect(builder.toBatch(null, false).activity).toMatchObject([
      { networkId: '196050', kind: 'mention', postId: local('330'), threadId: local('330') },
    ]);
  });
});
