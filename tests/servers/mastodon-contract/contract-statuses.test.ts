import { createRestAPIClient, type mastodon } from 'masto';
import { afterEach, describe, expect, it } from 'vitest';
import { startContractServer, type ContractServer } from './contract-server';

const HOUR = 3_600_000;

function client(server: ContractServer, username: string): mastodon.rest.Client {
  return createRestAPIClient({ url: server.origin, accessToken: server.tokenFor(username) });
}

function withKey(key: string) {
  return { requestInit: { headers: { 'Idempotency-Key': key } } };
}

/** The URLs of a `Link` header by rel. */
function links(header: string | null): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of (header ?? '').matchAll(/<([^>]+)>;\s*rel="(\w+)"/g)) {
    found[match[2] ?? ''] = match[1] ?? '';
  }
  return found;
}

describe('the contract server: posts, threads, accounts, markers', { timeout: 60_000 }, () => {
  let server: ContractServer;
  afterEach(async () => {
    expect(server.violations()).toEqual([]);
    await server.stop();
  });

  it('posts a reply with visibility, content warning and language; the thread and the mention follow', async () => {
    server = await startContractServer({ users: ['alice', 'bob'] });
    const question = server.mention('bob', 'alice', 'are you coming?', { visibility: 'direct' });
    const alice = client(server, 'alice');
    const reply = await alice.v1.statuses.create({
      status: '@bob yes, at six',
      inReplyToId: question.id,
      visibility: 'direct',
      spoilerText: 'plans',
      language: 'de',
    });
    expect(reply).toMatchObject({
      inReplyToId: question.id,
      inReplyToAccountId: server.state.requireAccount('bob').id,
      visibility: 'direct',
      spoilerText: 'plans',
      sensitive: true,
      language: 'de',
      application: { name: 'Contract tests' },
    });
    expect(reply.content).toContain('class="u-url mention"');

    const thread = await client(server, 'bob').v1.statuses.$select(question.id).context.fetch();
    expect(thread.ancestors).toEqual([]);
    expect(thread.descendants.map((s) => s.id)).toEqual([reply.id]);
    const bobsNotifications = await client(server, 'bob').v1.notifications.list();
    expect(bobsNotifications.map((n) => [n.type, n.status?.id])).toEqual([['mention', reply.id]]);

    const ancestors = await alice.v1.statuses.$select(reply.id).context.fetch();
    expect(ancestors.ancestors.map((s) => s.id)).toEqual([question.id]);
  });

  it('a direct post is not shown to someone it does not mention', async () => {
    server = await startContractServer({ users: ['alice', 'bob', 'carol'] });
    const secret = server.mention('bob', 'alice', 'just us', { visibility: 'direct' });
    await expect(
      client(server, 'carol').v1.statuses.$select(secret.id).fetch(),
    ).rejects.toMatchObject({ statusCode: 404, message: 'Record not found' });
    const seen = await client(server, 'alice').v1.statuses.$select(secret.id).fetch();
    expect(seen.visibility).toBe('direct');
  });

  it('Idempotency-Key returns the same status for an hour, per account', async () => {
    server = await startContractServer({ users: ['alice', 'bob'], clock: { frozen: true } });
    const alice = client(server, 'alice');
    const first = await alice.v1.statuses.create({ status: 'once' }, withKey('k-1'));
    const retried = await alice.v1.statuses.create({ status: 'once, edited' }, withKey('k-1'));
    expect(retried.id).toBe(first.id);
    expect(retried.content).toBe('<p>once</p>');

    const bobs = await client(server, 'bob').v1.statuses.create({ status: 'mine' }, withKey('k-1'));
    expect(bobs.id).not.toBe(first.id);

    server.clock.advance(HOUR - 1);
    expect((await alice.v1.statuses.create({ status: 'once' }, withKey('k-1'))).id).toBe(first.id);
    server.clock.advance(1);
    const afterAnHour = await alice.v1.statuses.create({ status: 'once' }, withKey('k-1'));
    expect(afterAnHour.id).not.toBe(first.id);
    const alices = [...server.state.statuses.values()].filter(
      (s) => s.accountId === server.state.requireAccount('alice').id,
    );
    expect(alices).toHaveLength(2);
  });

  it('a reply to a deleted post is 404; an empty or too long text is 422 with Mastodon’s reason', async () => {
    server = await startContractServer({
      users: ['alice', 'bob'],
      maxCharacters: 50,
      charactersReservedPerUrl: 23,
    });
    const parent = server.post('bob', { text: 'soon gone' });
    server.deleteStatus(parent.id);
    const alice = client(server, 'alice');
    await expect(
      alice.v1.statuses.create({ status: 'hello?', inReplyToId: parent.id }),
    ).rejects.toMatchObject({
      statusCode: 404,
      message: 'The post you are trying to reply to does not appear to exist.',
    });
    await expect(alice.v1.statuses.create({ status: '   ' })).rejects.toMatchObject({
      statusCode: 422,
      message: "Validation failed: Text can't be blank",
    });
    await expect(alice.v1.statuses.create({ status: 'x'.repeat(51) })).rejects.toMatchObject({
      statusCode: 422,
      message: 'Validation failed: Text character limit of 50 exceeded',
    });
    // A URL counts 23 however long it is; a content warning counts too.
    const url = `https://example.com/${'a'.repeat(80)}`;
    await expect(
      alice.v1.statuses.create({ status: `${'x'.repeat(27)}${url}` }),
    ).resolves.toMatchObject({ spoilerText: '' });
    await expect(
      alice.v1.statuses.create({ status: `${'x'.repeat(26)}${url}`, spoilerText: 'cw' }),
    ).rejects.toMatchObject({ statusCode: 422 });

    const instance = await alice.v2.instance.fetch();
    expect(instance.configuration.statuses).toMatchObject({
      maxCharacters: 50,
      charactersReservedPerUrl: 23,
    });
    const v1 = await alice.v1.instance.fetch();
    expect(v1.configuration.statuses.maxCharacters).toBe(50);
  });

  it('reads a multipart form as Rails does: a poll from poll[options][0] and poll[options][1]', async () => {
    server = await startContractServer({ users: ['alice'] });
    const form = new FormData();
    form.append('status', 'tea or coffee?');
    form.append('poll[options][0]', 'tea');
    form.append('poll[options][1]', 'coffee');
    form.append('poll[expires_in]', '3600');
    const response = await fetch(`${server.origin}/api/v1/statuses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokenFor('alice')}` },
      body: form,
    });
    expect(response.status).toBe(200);
    const posted = (await response.json()) as { poll: { options: { title: string }[] } };
    expect(posted.poll.options.map((o) => o.title)).toEqual(['tea', 'coffee']);
  });

  it('lists someone’s posts without replies to others, paged by id with Link', async () => {
    server = await startContractServer({ users: ['alice', 'bob'] });
    const own = Array.from({ length: 25 }, (_, i) => server.post('alice', { text: `post ${i}` }));
    const theirs = server.post('bob', { text: 'a question' });
    server.reply('alice', theirs.id, 'an answer');
    server.reply('alice', own[0]?.id ?? '', 'a thread of my own');
    const alice = server.state.requireAccount('alice');

    const masto = client(server, 'bob');
    const seen: string[] = [];
    for await (const page of masto.v1.accounts
      .$select(alice.id)
      .statuses.list({ excludeReplies: true, limit: 10 })) {
      seen.push(...page.map((s) => s.content));
    }
    expect(seen).toHaveLength(26);
    expect(seen).not.toContain(expect.stringContaining('an answer'));
    expect(seen[0]).toContain('a thread of my own');

    const response = await fetch(
      `${server.origin}/api/v1/accounts/${alice.id}/statuses?limit=5&exclude_replies=true`,
    );
    const first = (await response.json()) as { id: string }[];
    const next = links(response.headers.get('link'));
    expect(new URL(next['next'] ?? '').searchParams.get('max_id')).toBe(first.at(-1)?.id);
    expect(new URL(next['next'] ?? '').searchParams.get('exclude_replies')).toBe('true');
    expect(new URL(next['prev'] ?? '').searchParams.get('min_id')).toBe(first[0]?.id);
  });

  it('pages the people someone follows with Link, as masto follows it', async () => {
    server = await startContractServer({ users: ['alice'] });
    for (let i = 0; i < 90; i += 1) {
      server.createUser(`friend${i}`);
      server.follow('alice', `friend${i}`);
    }
    server.createUser({ username: 'shy', locked: true });
    server.follow('alice', 'shy');
    const alice = server.state.requireAccount('alice');
    const masto = client(server, 'alice');
    const pages: number[] = [];
    const names = new Set<string>();
    for await (const page of masto.v1.accounts.$select(alice.id).following.list({ limit: 40 })) {
      pages.push(page.length);
      for (const account of page) names.add(account.username);
    }
    expect(pages).toEqual([40, 40, 10]);
    expect(names.size).toBe(90);
    expect(names.has('shy')).toBe(false);
    const me = await masto.v1.accounts.verifyCredentials();
    expect(me.followingCount).toBe(90);
  });

  it('keeps the notifications marker, written as JSON or as a form', async () => {
    server = await startContractServer({ users: ['alice', 'bob'] });
    server.mention('bob', 'alice');
    server.mention('bob', 'alice');
    const alice = client(server, 'alice');
    const [newest, older] = await alice.v1.notifications.list();
    expect(await alice.v1.markers.fetch({ timeline: ['notifications'] })).toEqual({});

    const written = await alice.v1.markers.create({
      notifications: { lastReadId: older?.id ?? '' },
    });
    expect(written.notifications).toMatchObject({ lastReadId: older?.id, version: 0 });

    const form = await fetch(`${server.origin}/api/v1/markers`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.tokenFor('alice')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `notifications%5Blast_read_id%5D=${newest?.id ?? ''}`,
    });
    expect(form.status).toBe(200);
    const read = await alice.v1.markers.fetch({ timeline: ['notifications'] });
    expect(read.notifications).toMatchObject({ lastReadId: newest?.id, version: 1 });
  });

  it('answers a post, its account, and deletes it on request', async () => {
    server = await startContractServer({ users: ['alice'] });
    const alice = client(server, 'alice');
    const posted = await alice.v1.statuses.create({ status: 'short-lived' });
    const account = await alice.v1.accounts.$select(posted.account.id).fetch();
    expect(account).toMatchObject({ username: 'alice', acct: 'alice', statusesCount: 1 });
    const deleted = await alice.v1.statuses.$select(posted.id).remove();
    expect(deleted.id).toBe(posted.id);
    await expect(alice.v1.statuses.$select(posted.id).fetch()).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});
