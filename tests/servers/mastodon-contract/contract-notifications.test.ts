import { createRestAPIClient, type mastodon } from 'masto';
import { afterEach, describe, expect, it } from 'vitest';
import { startContractServer, type ContractServer } from './contract-server';

const HOUR = 3_600_000;

function client(server: ContractServer, username: string): mastodon.rest.Client {
  return createRestAPIClient({ url: server.origin, accessToken: server.tokenFor(username) });
}

async function get(server: ContractServer, path: string, username = 'alice') {
  const response = await fetch(`${server.origin}${path}`, {
    headers: { authorization: `Bearer ${server.tokenFor(username)}` },
  });
  return { response, body: await response.json() };
}

function links(header: string | null): Record<string, URL> {
  const found: Record<string, URL> = {};
  for (const match of (header ?? '').matchAll(/<([^>]+)>;\s*rel="(\w+)"/g)) {
    found[match[2] ?? ''] = new URL(match[1] ?? '');
  }
  return found;
}

interface Group {
  group_key: string;
  type: string;
  notifications_count: number;
  most_recent_notification_id: number;
  page_min_id: string;
  page_max_id: string;
  sample_account_ids: string[];
  status_id?: string;
}
interface Grouped {
  notification_groups: Group[];
  accounts: { id: string; username: string }[];
  statuses: { id: string }[];
}

describe('the contract server: notifications', { timeout: 60_000 }, () => {
  let server: ContractServer;
  afterEach(async () => {
    expect(server.violations()).toEqual([]);
    await server.stop();
  });

  it('v1 pages at most 80, newest first; max_id, since_id and min_id are exclusive; Link leads on', async () => {
    server = await startContractServer({ users: ['alice', 'bob'] });
    for (let i = 0; i < 100; i += 1) server.mention('bob', 'alice', `note ${i}`);
    const ids = server.state.notifications.map((n) => String(n.id)).reverse();

    const all = await get(server, '/api/v1/notifications?limit=100');
    const page = all.body as { id: string }[];
    expect(page.map((n) => n.id)).toEqual(ids.slice(0, 80));
    const link = links(all.response.headers.get('link'));
    expect(link['next']?.searchParams.get('max_id')).toBe(ids[79]);
    expect(link['next']?.searchParams.get('limit')).toBe('100');
    expect(link['prev']?.searchParams.get('min_id')).toBe(ids[0]);

    const older = (await get(server, `/api/v1/notifications?limit=3&max_id=${ids[10]}`)).body as {
      id: string;
    }[];
    expect(older.map((n) => n.id)).toEqual(ids.slice(11, 14));
    const since = (await get(server, `/api/v1/notifications?limit=3&since_id=${ids[10]}`)).body as {
      id: string;
    }[];
    expect(since.map((n) => n.id)).toEqual(ids.slice(0, 3));
    const after = (await get(server, `/api/v1/notifications?limit=3&min_id=${ids[10]}`)).body as {
      id: string;
    }[];
    expect(after.map((n) => n.id)).toEqual(ids.slice(7, 10));
    const none = await get(server, `/api/v1/notifications?since_id=${ids[0]}`);
    expect(none.body).toEqual([]);
    expect(none.response.headers.get('link')).toBeNull();

    const seen: string[] = [];
    for await (const batch of client(server, 'alice').v1.notifications.list({ limit: 30 })) {
      seen.push(...batch.map((n) => n.id));
    }
    expect(seen).toEqual(ids);
  });

  it('v1 filters by types and exclude_types', async () => {
    server = await startContractServer({ users: ['alice', 'bob'] });
    const post = server.post('alice', { text: 'hello' });
    server.mention('bob', 'alice');
    server.favourite('bob', post.id);
    server.follow('bob', 'alice');
    const alice = client(server, 'alice');
    expect((await alice.v1.notifications.list({ types: ['mention'] })).map((n) => n.type)).toEqual([
      'mention',
    ]);
    expect(
      (await alice.v1.notifications.list({ excludeTypes: ['mention', 'follow'] })).map(
        (n) => n.type,
      ),
    ).toEqual(['favourite']);
    const form = await get(server, '/api/v1/notifications?types=follow');
    expect((form.body as { type: string }[]).map((n) => n.type)).toEqual(['follow']);
  });

  it('v2 groups favourites and boosts per post and follows; a group grows, and polling with min_id brings it back', async () => {
    server = await startContractServer({ users: ['alice', 'bob', 'carol', 'dave'] });
    const post = server.post('alice', { text: 'a thought' });
    server.favourite('bob', post.id);
    server.favourite('carol', post.id);
    server.boost('bob', post.id);
    server.follow('bob', 'alice');
    server.follow('carol', 'alice');
    server.mention('dave', 'alice', 'hi');

    const alice = client(server, 'alice');
    const first = await alice.v2.notifications.list();
    const byType = new Map<string, (typeof first.notificationGroups)[number]>(
      first.notificationGroups.map((g) => [g.type, g]),
    );
    const [bob, carol, dave] = ['bob', 'carol', 'dave'].map(
      (name) => server.state.requireAccount(name).id,
    );
    expect(first.notificationGroups.map((g) => g.type)).toEqual([
      'mention',
      'follow',
      'reblog',
      'favourite',
    ]);
    expect(byType.get('favourite')).toMatchObject({
      notificationsCount: 2,
      sampleAccountIds: [carol, bob],
      statusId: post.id,
    });
    expect(byType.get('follow')).toMatchObject({ notificationsCount: 2 });
    expect(byType.get('mention')?.groupKey).toMatch(/^ungrouped-\d+$/);
    expect(first.statuses.map((s) => s.id).sort()).toEqual(
      [post.id, server.state.notifications.at(-1)?.statusId].sort(),
    );
    expect(first.accounts.map((a) => a.username).sort()).toEqual(['bob', 'carol', 'dave']);

    const newest = Math.max(...first.notificationGroups.map((g) => Number(g.pageMaxId)));
    const quiet = await get(server, `/api/v2/notifications?min_id=${newest}`);
    expect((quiet.body as Grouped).notification_groups).toEqual([]);

    server.favourite('dave', post.id);
    const grown = (await get(server, `/api/v2/notifications?min_id=${newest}`)).body as Grouped;
    const favourites = byType.get('favourite');
    expect(grown.notification_groups).toEqual([
      expect.objectContaining({
        group_key: favourites?.groupKey,
        notifications_count: 3,
        sample_account_ids: [dave, carol, bob],
        most_recent_notification_id: newest + 1,
        page_min_id: String(newest + 1),
        page_max_id: String(newest + 1),
      }),
    ]);
  });

  it('a group keeps growing for 12 hours from its start, then a new one begins', async () => {
    server = await startContractServer({
      users: ['alice', 'bob', 'carol', 'dave'],
      clock: { startAt: '2025-03-01T10:00:00.000Z', frozen: true },
    });
    const post = server.post('alice', { text: 'slow burn' });
    server.favourite('bob', post.id);
    server.clock.advance(11 * HOUR);
    server.favourite('carol', post.id);
    server.clock.advance(2 * HOUR);
    server.favourite('dave', post.id);
    const groups = (await get(server, '/api/v2/notifications')).body as Grouped;
    expect(groups.notification_groups.map((g) => g.notifications_count)).toEqual([1, 2]);
    expect(new Set(groups.notification_groups.map((g) => g.group_key)).size).toBe(2);
  });

  it('v2 pages by groups with Link; a group cut by a page comes back on the next, merged by group_key', async () => {
    server = await startContractServer({ users: ['alice', 'bob'] });
    const post = server.post('alice', { text: 'popular' });
    for (let i = 0; i < 12; i += 1) {
      const fan = `fan${i}`;
      server.createUser(fan);
      server.favourite(fan, post.id);
      server.mention('bob', 'alice', `mention ${i}`);
    }
    const merged = new Map<string, number>();
    const pages: number[] = [];
    for await (const page of client(server, 'alice').v2.notifications.list({ limit: 5 })) {
      pages.push(page.notificationGroups.length);
      for (const group of page.notificationGroups) {
        merged.set(
          group.groupKey,
          Math.max(merged.get(group.groupKey) ?? 0, group.notificationsCount),
        );
      }
    }
    expect(pages.slice(0, 2)).toEqual([5, 5]);
    const favouriteKeys = [...merged.keys()].filter((key) => key.startsWith('favourite-'));
    expect(favouriteKeys).toHaveLength(1);
    expect(merged.get(favouriteKeys[0] ?? '')).toBe(12);
    expect([...merged.keys()].filter((key) => key.startsWith('ungrouped-'))).toHaveLength(12);
  });

  it('grouped_types limits grouping: the rest come one by one', async () => {
    server = await startContractServer({ users: ['alice', 'bob', 'carol'] });
    const post = server.post('alice', { text: 'x' });
    server.favourite('bob', post.id);
    server.favourite('carol', post.id);
    server.follow('bob', 'alice');
    server.follow('carol', 'alice');
    const groups = (await get(server, '/api/v2/notifications?grouped_types[]=favourite'))
      .body as Grouped;
    expect(groups.notification_groups.map((g) => [g.type, g.notifications_count])).toEqual([
      ['follow', 1],
      ['follow', 1],
      ['favourite', 2],
    ]);
  });

  it('has every type the app maps, plus one no Mastodon has yet', async () => {
    server = await startContractServer({ users: ['alice', 'bob', 'carol'] });
    server.createUser({ username: 'locked', locked: true });
    const post = server.post('alice', { text: 'original', language: 'en' });
    server.mention('bob', 'alice', 'look');
    server.follow('alice', 'bob', { notify: true });
    server.post('bob', { text: 'bob posts' });
    server.boost('bob', post.id);
    server.follow('carol', 'alice');
    server.favourite('carol', post.id);
    server.follow('alice', 'locked');
    const poll = server.post('alice', {
      text: 'tea or coffee?',
      poll: { options: ['tea', 'coffee'], expiresInSeconds: 3600 },
    });
    server.vote('bob', poll.id, [1]);
    server.endPoll(poll.id);
    const boosted = server.post('carol', { text: 'draft' });
    server.boost('alice', boosted.id);
    server.edit(boosted.id, 'final');
    server.post('bob', { text: 'so true', quoteOfId: post.id });
    server.notify({ to: 'alice', from: 'bob', type: 'x_future_type' });

    const expected = [
      'mention',
      'status',
      'reblog',
      'follow',
      'favourite',
      'poll',
      'update',
      'quote',
      'x_future_type',
    ];
    const alice = client(server, 'alice');
    const v1 = await alice.v1.notifications.list();
    expect(new Set(v1.map((n) => n.type))).toEqual(new Set(expected));
    for (const n of v1) {
      const hasStatus = !['follow', 'x_future_type'].includes(n.type);
      expect(n.status === undefined, n.type).toBe(!hasStatus);
    }
    const quote = v1.find((n) => n.type === 'quote');
    expect(quote?.status?.quote).toMatchObject({
      state: 'accepted',
      quotedStatus: { id: post.id },
    });
    const pollNote = v1.find((n) => n.type === 'poll');
    expect(pollNote?.status?.poll).toMatchObject({ expired: true, votesCount: 1 });

    const lockedOnes = await client(server, 'locked').v1.notifications.list();
    expect(lockedOnes.map((n) => n.type)).toEqual(['follow_request']);

    const v2 = await alice.v2.notifications.list();
    expect(new Set(v2.notificationGroups.map((g) => g.type as string))).toEqual(new Set(expected));

    // The unknown type breaks the contract's enum on purpose: recorded, marked as asked for.
    const deliberate = server.violations({ includeInjected: true });
    expect(deliberate.length).toBeGreaterThan(0);
    expect(deliberate.every((v) => v.injected && /\/type must be equal/.test(v.message))).toBe(
      true,
    );
  });

  it('a server before Mastodon 4.3 has no grouped notifications', async () => {
    server = await startContractServer({ users: ['alice'], groupedNotifications: false });
    const { response } = await get(server, '/api/v2/notifications');
    expect(response.status).toBe(404);
    expect((await client(server, 'alice').v2.instance.fetch()).version).toBe('4.2.0');
  });
});
