import type { Account } from '@shared/domain';
import { mulberry32 } from '@shared/demo/prng';

/**
 * The bench dataset: deterministic, seeded, shaped like a busy account — people, threads several
 * posts deep, mentions, replies and direct messages, and plenty of likes, boosts and follows. It
 * produces *raw* records, as a network would send them after mapping; the bench parses them with
 * the domain schemas and stores them through the app's own repositories (the sync path).
 */
export interface Preset {
  readonly name: 'full' | 'quick' | 'year' | 'large';
  readonly items: number;
  readonly threads: number;
  readonly people: number;
  /** Items in the one open delivery the session benches use. */
  readonly deliveryItems: number;
}

export const PRESETS: Record<Preset['name'], Preset> = {
  full: { name: 'full', items: 100_000, threads: 20_000, people: 5_000, deliveryItems: 5_000 },
  quick: { name: 'quick', items: 10_000, threads: 2_000, people: 500, deliveryItems: 5_000 },
  /** A heavy user's year or more: the history behind the open delivery (seeded fast, not timed). */
  year: {
    name: 'year',
    items: 1_000_000,
    threads: 200_000,
    people: 50_000,
    deliveryItems: 5_000,
  },
  /** The same shape for `--quick`: ten times the quick preset. */
  large: { name: 'large', items: 100_000, threads: 20_000, people: 5_000, deliveryItems: 5_000 },
};

export const BENCH_ACCOUNT_ID = 'bench';
export const BENCH_SELF = 'bench|self';

export function benchAccount(addedAt: number): Account {
  return {
    id: BENCH_ACCOUNT_ID,
    network: 'mastodon',
    handle: '@you@bench.example',
    displayName: 'You',
    serverOrigin: 'https://bench.example',
    networkUserId: 'self',
    isDemo: false,
    addedAt,
    syncCursor: null,
    lastSyncedAt: null,
  };
}

const WORDS =
  'garden bakery choir bicycle library repair weekend morning coffee sourdough talk conference tomatoes bread window neighbour letter walk river tea thanks question idea draft maintainers patch release community kindness batch reply slowly'.split(
    ' ',
  );
const FIRST =
  'Mira Tomás Ngozi Yuki Rafael Olga Kai Arjun Fatima Sven Lucía Kenji Chloé Dimitra Kwame Hana Zoe Liam Priya Nikos'.split(
    ' ',
  );
const LAST =
  'Okafor Ruiz Eze Tanaka Ortega Smirnova Nakamura Mehta Benali Lindqvist Fernández Watanabe Martin Papadopoulou Mensah Novák Taylor Walsh Rao Georgiou'.split(
    ' ',
  );

/**
 * Words few posts have, for the search bench: a rare word, a Japanese and a Chinese phrase
 * (written without spaces), and accented words. Drawn from a stream of their own, so every other
 * part of the dataset stays as it was.
 */
const RARE = [
  'zeppelin',
  'accordion',
  'marmalade',
  '東京で会議がありました',
  '我们明天去图书馆看书',
  'Crème brûlée à Zürich',
  'Привет из Москвы',
];

/**
 * How many of the others' posts the user answered: one in a hundred, so the year preset holds
 * about 6,000 of the user's own replies (15 a day) and the posts they answer, which a session reads
 * to know who the user talks with.
 */
const OWN_REPLY_SHARE = 0.01;

export interface RawBatch {
  readonly people: unknown[];
  readonly posts: unknown[];
  readonly activity: unknown[];
}

/**
 * Yields batches of `batchSize` activity items, oldest first, between `from` and `to`. Every
 * batch carries the people and posts its items refer to (as a connector page does).
 */
export function* generateBatches(
  preset: Preset,
  from: number,
  to: number,
  batchSize = 1000,
  seed = 42,
): Generator<RawBatch> {
  const random = mulberry32(seed);
  const rareRandom = mulberry32(seed + 1);
  const ownRandom = mulberry32(seed + 2);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const span = to - from;
  const personOf = (i: number) => `bench|p${i}`;
  // A person is the same in every batch they come back in, as a network sends them (named once).
  const known = new Map<number, Record<string, unknown>>();
  const people = (i: number) => {
    const made = known.get(i) ?? {
      id: personOf(i),
      accountId: BENCH_ACCOUNT_ID,
      networkId: `p${i}`,
      handle: `@${pick(FIRST).toLowerCase()}${i}@bench.example`,
      displayName: `${pick(FIRST)} ${pick(LAST)}`,
      avatarUrl: null,
      profileUrl: null,
      isSelf: false,
    };
    known.set(i, made);
    return made;
  };
  const self = {
    ...people(0),
    id: BENCH_SELF,
    networkId: 'self',
    handle: '@you@bench.example',
    displayName: 'You',
    isSelf: true,
  };
  const threadRoot: (string | null)[] = new Array<string | null>(preset.threads).fill(null);
  const threadLast: (string | null)[] = new Array<string | null>(preset.threads).fill(null);
  let postCounter = 0;
  let first = true;
  for (let start = 0; start < preset.items; start += batchSize) {
    const batchPeople = new Map<string, unknown>();
    if (first) batchPeople.set(BENCH_SELF, self);
    first = false;
    const posts: unknown[] = [];
    const activity: unknown[] = [];
    for (let i = start; i < Math.min(preset.items, start + batchSize); i++) {
      const at = from + Math.floor((i / preset.items) * span);
      const author = Math.floor(random() * preset.people);
      batchPeople.set(personOf(author), people(author));
      const roll = random();
      const kind =
        roll < 0.35
          ? 'mention'
          : roll < 0.55
            ? 'reply'
            : roll < 0.6
              ? 'direct'
              : roll < 0.85
                ? 'favourite'
                : roll < 0.95
                  ? 'boost'
                  : 'follow';
      let postId: string | null = null;
      let threadId: string | null = null;
      if (kind === 'mention' || kind === 'reply' || kind === 'direct') {
        const t = Math.floor(random() * preset.threads);
        const networkId = `s${postCounter++}`;
        postId = `bench|${networkId}`;
        const root = threadRoot[t] ?? postId;
        const parent = threadLast[t] ?? null;
        threadRoot[t] = root;
        threadLast[t] = postId;
        threadId = root;
        const ref = (id: string) => ({
          id,
          uri: `https://bench.example/${id.slice(6)}`,
          cid: null,
        });
        const words = Array.from({ length: 8 + Math.floor(random() * 30) }, () => pick(WORDS));
        // One post in fifty has one of the rare words.
        const rare =
          rareRandom() < 0.02 ? ` ${RARE[Math.floor(rareRandom() * RARE.length)] ?? ''}` : '';
        const text = words.join(' ') + rare;
        posts.push({
          id: postId,
          accountId: BENCH_ACCOUNT_ID,
          networkId,
          uri: `https://bench.example/${networkId}`,
          cid: null,
          url: `https://bench.example/@p${author}/${networkId}`,
          threadId,
          authorId: personOf(author),
          contentHtml: `<p><span class="h-card"><a href="https://bench.example/@you" class="u-url mention">@<span>you</span></a></span> ${text}</p>`,
          createdAt: at,
          parent: parent === null ? null : ref(parent),
          root: ref(root),
          visibility: kind === 'direct' ? 'direct' : 'public',
          contentWarning: null,
          language: 'en',
          isOwn: false,
          arrivedAt: 0,
          screen: null,
        });
        // The user answers one post in a hundred: a year's replies lie in the history too.
        if (ownRandom() < OWN_REPLY_SHARE) {
          const ownNetworkId = `s${postCounter++}`;
          const ownId = `bench|${ownNetworkId}`;
          threadLast[t] = ownId;
          posts.push({
            id: ownId,
            accountId: BENCH_ACCOUNT_ID,
            networkId: ownNetworkId,
            uri: `https://bench.example/${ownNetworkId}`,
            cid: null,
            url: `https://bench.example/@you/${ownNetworkId}`,
            threadId,
            authorId: BENCH_SELF,
            contentHtml: `<p>${words.slice(0, 12).reverse().join(' ')}</p>`,
            createdAt: at + 1_000,
            parent: ref(postId),
            root: ref(root),
            visibility: kind === 'direct' ? 'direct' : 'public',
            contentWarning: null,
            language: 'en',
            isOwn: true,
            arrivedAt: 0,
            screen: null,
          });
        }
      }
      activity.push({
        id: `bench|n${i}`,
        accountId: BENCH_ACCOUNT_ID,
        networkId: `n${i}`,
        kind,
        rawType:
          kind === 'boost' ? 'reblog' : kind === 'reply' || kind === 'direct' ? 'mention' : kind,
        actorId: personOf(author),
        postId,
        subjectPostId: null,
        threadId,
        createdAt: at,
      });
    }
    yield { people: [...batchPeople.values()], posts, activity };
  }
}
