import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blueskyNetworkUnavailable,
  startBlueskyNetwork,
  type BlueskyNetwork,
  type BlueskyUser,
  type NotificationView,
} from './bluesky-network';

const unavailable = blueskyNetworkUnavailable();
// .ci/run installs the network, so on CI a missing piece fails these tests instead of skipping them.
const skipped = unavailable !== null && process.env['CI'] !== 'true';
if (skipped) console.warn(`Bluesky network harness tests SKIPPED: ${unavailable}`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(skipped)('the local Bluesky network', () => {
  let network: BlueskyNetwork;
  let alice: BlueskyUser;
  let bob: BlueskyUser;

  beforeAll(async () => {
    network = await startBlueskyNetwork();
    alice = await network.createUser('alice');
    bob = await network.createUser('bob');
  }, 180_000);
  afterAll(async () => {
    await network?.stop();
  }, 60_000);

  async function aliceNotifications(): Promise<readonly NotificationView[]> {
    await network.processAll();
    const answer = await network.agent(alice).listNotifications({ limit: 50 });
    return answer.data.notifications;
  }

  it('runs its PDS, AppView and PLC directory on this machine', () => {
    for (const server of [network.pds, network.appview, network.plc]) {
      expect(new URL(server.url).hostname).toBe('localhost');
    }
    expect(alice.handle).toBe('alice.test');
    expect(alice.did).toMatch(/^did:plc:/);
  });

  it('brings a mention to the person mentioned, with a mention facet and in its thread', async () => {
    const mention = await network.mention(bob, alice, 'are you coming on Sunday?');

    const notification = (await aliceNotifications()).find((n) => n.uri === mention.uri);
    expect(notification?.reason).toBe('mention');
    expect(notification?.author.handle).toBe('bob.test');
    expect(notification?.record['text']).toBe('@alice.test are you coming on Sunday?');
    expect(notification?.record['facets']).toEqual([
      {
        $type: 'app.bsky.richtext.facet',
        index: { byteStart: 0, byteEnd: '@alice.test'.length },
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: alice.did }],
      },
    ]);

    const reply = await network.reply(alice, mention, 'Yes, see you there');
    await network.processAll();
    const { thread } = (await network.agent(alice).getPostThread({ uri: mention.uri })).data;
    expect(thread.post?.author.handle).toBe('bob.test');
    expect(thread.replies?.map((node) => node.post?.uri)).toEqual([reply.uri]);
    expect(thread.replies?.[0]?.post?.record['text']).toBe('Yes, see you there');
  });

  it('brings replies, quotes, likes, reposts and follows as their own notifications', async () => {
    const post = await network.post(alice, 'A quiet morning by the river');
    const reply = await network.reply(bob, post, 'Lovely');
    await network.reply(alice, reply, 'It was');
    const replyToReply = await network.reply(bob, reply, 'Deep in the thread');
    const quote = await network.quote(bob, post, 'Worth reading');
    const like = await network.like(bob, post);
    const repost = await network.repost(bob, post);
    const follow = await network.follow(bob, alice);

    const reasons = new Map((await aliceNotifications()).map((n) => [n.uri, n.reason]));
    expect(reasons.get(reply.uri)).toBe('reply');
    expect(reasons.get(quote.uri)).toBe('quote');
    expect(reasons.get(like.uri)).toBe('like');
    expect(reasons.get(repost.uri)).toBe('repost');
    expect(reasons.get(follow.uri)).toBe('follow');

    // A reply deep in a thread keeps the thread's root: it shows under the first post.
    const { thread } = (await network.agent(alice).getPostThread({ uri: post.uri, depth: 5 })).data;
    const second = thread.replies?.[0];
    expect(second?.post?.uri).toBe(reply.uri);
    expect(second?.replies?.map((node) => node.post?.uri)).toContain(replyToReply.uri);
  });

  it('lets a person sign in with an app password', async () => {
    const agent = await network.login(alice.handle, alice.appPassword);
    expect(agent.session?.did).toBe(alice.did);
    expect(agent.session?.handle).toBe('alice.test');
    const answer = await agent.listNotifications({ limit: 1 });
    expect(answer.data.notifications).toHaveLength(1);
  });

  it('serves the OAuth metadata a sign-in starts from', async () => {
    const resource = await fetch(`${network.pds.url}/.well-known/oauth-protected-resource`);
    const { authorization_servers: servers } = (await resource.json()) as {
      authorization_servers: string[];
    };
    expect(servers).toEqual([new URL(network.pds.url).origin]);

    const response = await fetch(`${servers[0]}/.well-known/oauth-authorization-server`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata['issuer']).toBe(servers[0]);
    for (const endpoint of [
      'authorization_endpoint',
      'token_endpoint',
      'pushed_authorization_request_endpoint',
    ]) {
      expect(String(metadata[endpoint])).toMatch(/^http:\/\/localhost:\d+\/oauth\//);
    }
    expect(metadata['dpop_signing_alg_values_supported']).toContain('ES256');
    expect(metadata['code_challenge_methods_supported']).toContain('S256');
    expect(metadata['client_id_metadata_document_supported']).toBe(true);
  });

  it('stops without leaving a server process or a file behind', async () => {
    expect(network.pids).toHaveLength(2);
    expect(network.pids.every(alive)).toBe(true);
    await network.stop();
    expect(network.pids.filter(alive)).toEqual([]);
    expect(existsSync(network.dir)).toBe(false);
  }, 60_000);
});
