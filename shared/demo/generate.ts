/**
 * Builds the whole demo network from the content script and a seed: people, posts and activity
 * from `DEMO_PAST_DAYS` before the anchor instant to `DEMO_FUTURE_DAYS` after it.
 *
 * Everything is computed as offsets from the anchor with one seeded generator, so the same seed and
 * anchor always give the same network, and another anchor gives the same network moved in time.
 */
import type { IncomingActivity, IncomingPerson } from '../connectors/connector';
import type { Account, Post } from '../domain';
import { createDemoAccount } from './account';
import { compareByTime, DAY, HOUR, MINUTE, NetworkBuilder } from './builder';
import { DEMO_DEFAULT_SEED, DEMO_FUTURE_DAYS, DEMO_PAST_DAYS } from './constants';
import {
  FIRST_TIME_MESSAGE,
  OWN_POSTS,
  POLL,
  QUOTES,
  SCRIPT_THREADS,
  SPAM_COMMENTS,
} from './conversations';
import { DEMO_PEOPLE, SELF_KEY, SELF_SEED, toIncomingPerson, type DemoPersonSeed } from './people';
import { createRng } from './prng';
import {
  AppreciationStream,
  ConversationStream,
  type OwnPostState,
  type TimeWindow,
} from './streams';
import { placeThread } from './threads';

export { DAY, HOUR, MINUTE } from './builder';

/** The anchor must leave room for the oldest history (own posts go back a little over 4 days). */
const MIN_ANCHOR = 7 * DAY;

export interface DemoNetwork {
  readonly anchor: number;
  readonly seed: number;
  readonly account: Account;
  /** The user first, then everyone else. */
  readonly people: readonly IncomingPerson[];
  /** Oldest first. Includes posts after the anchor: a connector shows them once the clock allows. */
  readonly posts: readonly Post[];
  /** Oldest first, ties by network id (the order `fetchActivitySince` pages through). */
  readonly activity: readonly IncomingActivity[];
}

function repeat(times: number, action: () => void): void {
  for (let i = 0; i < times; i += 1) action();
}

/**
 * The whole demo network for `anchor` (epoch ms, the instant "now" was when the demo started) and
 * `seed`. Pure: the same arguments always give the same result.
 */
export function generateDemoNetwork(anchor: number, seed: number = DEMO_DEFAULT_SEED): DemoNetwork {
  if (!Number.isSafeInteger(anchor) || anchor < MIN_ANCHOR) {
    throw new RangeError(`demo network: the anchor must be an integer instant ≥ ${MIN_ANCHOR}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError('demo network: the seed must be an integer');
  const rng = createRng(seed >>> 0);
  const b = new NetworkBuilder(anchor, rng);
  const people = DEMO_PEOPLE as readonly DemoPersonSeed[];
  const talkers = people.filter((p) => p.role === 'regular');
  const fans = people.filter((p) => p.role === 'regular' || p.role === 'lurker');

  // 1. The user's own posts, then the scripted threads.
  const own: OwnPostState[] = OWN_POSTS.map((script) => ({
    script,
    replies: rng.shuffle(script.replies),
    built: b.addPost({
      nid: `own-${script.key}`,
      by: SELF_KEY,
      t: script.at * HOUR + rng.int(-30, 30) * MINUTE,
      text: script.text,
      visibility: 'public',
      lang: 'en',
    }),
  }));
  for (const thread of SCRIPT_THREADS) placeThread(b, thread);

  // 2. The special cases: a poll that ends, the first-time sender, spam, quotes.
  const poll = b.addPost({
    nid: POLL.key,
    by: POLL.by,
    t: POLL.at * HOUR,
    text: POLL.text,
    visibility: 'public',
  });
  b.addActivity({
    nid: `n-${POLL.key}-ended`,
    kind: 'other',
    rawType: 'poll',
    actor: POLL.by,
    postId: poll.post.id,
    subjectPostId: null,
    threadId: poll.post.threadId,
    t: POLL.endsAt * HOUR,
  });
  b.addPost({
    nid: FIRST_TIME_MESSAGE.key,
    by: FIRST_TIME_MESSAGE.by,
    t: FIRST_TIME_MESSAGE.at * HOUR + rng.int(-20, 20) * MINUTE,
    text: FIRST_TIME_MESSAGE.text,
    visibility: FIRST_TIME_MESSAGE.visibility,
  });
  for (const spam of SPAM_COMMENTS) {
    b.addPost({
      nid: spam.key,
      by: spam.by,
      t: spam.at * HOUR + rng.int(-30, 30) * MINUTE,
      text: spam.text,
      parent: b.post(spam.replyTo),
      visibility: 'public',
    });
  }
  for (const quote of QUOTES) {
    b.addPost({
      nid: quote.key,
      by: quote.by,
      t: quote.at * HOUR + rng.int(-30, 30) * MINUTE,
      text: quote.text,
      quoteOf: b.post(quote.quotes),
      visibility: 'public',
    });
  }

  // 3. Generated conversation: the past window, then each day after the anchor.
  const past: TimeWindow = { start: -DEMO_PAST_DAYS * DAY, end: -MINUTE };
  const days: TimeWindow[] = Array.from({ length: DEMO_FUTURE_DAYS }, (_, d) => ({
    start: d * DAY,
    end: (d + 1) * DAY,
  }));
  const talk = new ConversationStream(b, talkers, own);
  repeat(rng.int(24, 28), () => talk.mention(past));
  repeat(rng.int(9, 11), () => talk.direct(past));
  repeat(rng.int(13, 16), () => talk.replyToOwn(past));
  for (const day of days) {
    repeat(rng.int(6, 9), () => talk.mention(day));
    repeat(rng.int(2, 4), () => talk.direct(day));
    repeat(rng.int(3, 5), () => talk.replyToOwn(day));
  }

  // 4. Appreciation: favourites, boosts, follows.
  const appreciation = new AppreciationStream(b, fans);
  repeat(rng.int(135, 150), () => appreciation.appreciate('favourite', past));
  repeat(rng.int(40, 50), () => appreciation.appreciate('boost', past));
  repeat(rng.int(12, 15), () => appreciation.follow(past));
  for (const day of days) {
    repeat(rng.int(30, 42), () => appreciation.appreciate('favourite', day));
    repeat(rng.int(8, 13), () => appreciation.appreciate('boost', day));
    repeat(rng.int(1, 3), () => appreciation.follow(day));
  }

  return {
    anchor,
    seed,
    account: createDemoAccount(anchor),
    people: [SELF_SEED, ...people].map(toIncomingPerson),
    posts: Array.from(b.posts.values(), (p) => p.post).sort(compareByTime),
    activity: b.activity.slice().sort(compareByTime),
  };
}
