import { describe, expect, it } from 'vitest';
import { startContractServer, type ContractServer } from './contract-server';

/**
 * The bench's scale: 10,000 notifications for one person (mentions, favourites and boosts of
 * 40 posts, follows), walked to the end through `Link` in v1 and v2, every page checked against
 * the contract.
 */
async function seed(server: ContractServer): Promise<void> {
  server.createUser('alice');
  for (let i = 0; i < 200; i += 1) server.createUser(`fan${i}`);
  const posts = Array.from({ length: 40 }, (_, i) => server.post('alice', { text: `post ${i}` }));
  posts.forEach((post, p) => {
    for (let f = 0; f < 50; f += 1) server.favourite(`fan${(p + f) % 200}`, post.id);
    for (let b = 0; b < 25; b += 1) server.boost(`fan${(p * 3 + b) % 200}`, post.id);
  });
  for (let i = 0; i < 200; i += 1) server.follow(`fan${i}`, 'alice');
  for (let i = 0; i < 6_800; i += 1) server.mention(`fan${i % 200}`, 'alice', `mention ${i}`);
  await Promise.resolve();
}

type Page = Response & { readonly json: () => Promise<unknown> };

/** Follows pages to the end: `next` says where each next page starts, null when none. */
async function walk(
  first: string,
  token: string,
  take: (body: unknown, response: Page) => string | null,
): Promise<number> {
  let next: string | null = first;
  let requests = 0;
  while (next !== null) {
    const response = (await fetch(next, { headers: { authorization: `Bearer ${token}` } })) as Page;
    expect(response.status).toBe(200);
    requests += 1;
    next = take(await response.json(), response);
  }
  return requests;
}

const linkNext = (response: Response) =>
  /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1] ?? null;

interface GroupedPage {
  notification_groups: { group_key: string; notifications_count: number; page_min_id: string }[];
}

describe('the contract server at the bench’s scale', () => {
  it(
    'serves 10,000 notifications through v1 and v2 paging, within the contract',
    { timeout: 300_000 },
    async () => {
      const server = await startContractServer();
      try {
        await seed(server);
        expect(server.state.notifications).toHaveLength(10_000);

        const seen = new Set<string>();
        const v1Requests = await walk(
          `${server.origin}/api/v1/notifications?limit=80`,
          server.tokenFor('alice'),
          (body, response) => {
            for (const n of body as { id: string }[]) seen.add(n.id);
            return linkNext(response);
          },
        );
        expect(seen.size).toBe(10_000);
        expect(v1Requests).toBe(126);

        // v2 through Link, as masto pages: complete, but the tail of a big group comes one
        // notification per page (next max_id is the page's oldest representative, as on Mastodon).
        const counts = new Map<string, number>();
        const merge = (body: unknown) => {
          for (const group of (body as GroupedPage).notification_groups) {
            const known = counts.get(group.group_key) ?? 0;
            counts.set(group.group_key, Math.max(known, group.notifications_count));
          }
        };
        const byLink = await walk(
          `${server.origin}/api/v2/notifications?limit=80`,
          server.tokenFor('alice'),
          (body, response) => {
            merge(body);
            return linkNext(response);
          },
        );
        expect([...counts.values()].reduce((sum, n) => sum + n, 0)).toBe(10_000);

        // v2 continued from the page's cutoff (the smallest page_min_id), as Mastodon's web app does.
        counts.clear();
        const byCutoff = await walk(
          `${server.origin}/api/v2/notifications?limit=80`,
          server.tokenFor('alice'),
          (body) => {
            merge(body);
            const groups = (body as GroupedPage).notification_groups;
            if (groups.length === 0) return null;
            const cutoff = groups
              .map((g) => BigInt(g.page_min_id))
              .reduce((a, b) => (a < b ? a : b));
            return `${server.origin}/api/v2/notifications?limit=80&max_id=${cutoff}`;
          },
        );
        expect([...counts.values()].reduce((sum, n) => sum + n, 0)).toBe(10_000);
        expect(byCutoff).toBeLessThan(byLink);
        expect(byCutoff).toBeLessThan(v1Requests);
        expect(server.violations()).toEqual([]);
      } finally {
        await server.stop();
      }
    },
  );
});
