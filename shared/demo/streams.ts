/**
 * The generated part of the demo stream, drawn from `phrases.ts` and the user's own posts:
 * everyday mentions, direct messages, replies, favourites, boosts and follows.
 */
import { MINUTE, HOUR, seedOf, type BuiltPost, type NetworkBuilder } from './builder';
import type { OwnPostScript } from './conversations';
import { SELF_KEY, type DemoPersonSeed, type PersonKey } from './people';
import { CLOSERS, DIRECT_MESSAGES, OPENERS, TOPIC_BANKS } from './phrases';
import { Deck, type Rng } from './prng';

export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

function timeIn(rng: Rng, w: TimeWindow): number {
  return w.start + Math.floor(rng.next() * (w.end - w.start));
}

/** Whether `text` names the person (by first name or key): they would not write it themselves. */
function namesPerson(text: string, person: DemoPersonSeed): boolean {
  const words = new Set(text.toLowerCase().split(/[^\p{L}]+/u));
  const first = (person.name.split(' ')[0] ?? person.key).toLowerCase();
  return words.has(first) || words.has(person.key);
}

/** Someone from `people` who is not named in `text` (falls back to anyone if all are). */
function pickNotNamedIn(rng: Rng, people: readonly DemoPersonSeed[], text: string): DemoPersonSeed {
  const fitting = people.filter((p) => !namesPerson(text, p));
  return rng.pick(fitting.length > 0 ? fitting : people);
}

/** A sentence from the deck that does not name `person` (tries a few draws). */
function drawFor(person: DemoPersonSeed, deck: Deck<string>): string {
  let line = deck.draw();
  for (let i = 0; i < 4 && namesPerson(line, person); i += 1) line = deck.draw();
  return line;
}

export interface OwnPostState {
  readonly script: OwnPostScript;
  readonly built: BuiltPost;
  readonly replies: string[];
}

/** The generated part of the stream: everyday mentions, direct messages and replies. */
export class ConversationStream {
  private readonly openers: Deck<string>;
  private readonly closers: Deck<string>;
  private readonly directs: Deck<(typeof DIRECT_MESSAGES)[number]>;
  private readonly lines = new Map<string, Deck<string>>();
  private readonly asks = new Map<string, Deck<string>>();

  constructor(
    private readonly b: NetworkBuilder,
    private readonly talkers: readonly DemoPersonSeed[],
    private readonly own: readonly OwnPostState[],
  ) {
    const { rng } = b;
    this.openers = new Deck(rng, OPENERS);
    this.closers = new Deck(rng, CLOSERS);
    this.directs = new Deck(rng, DIRECT_MESSAGES);
    for (const [topic, bank] of Object.entries(TOPIC_BANKS)) {
      this.lines.set(topic, new Deck(rng, bank.lines));
      this.asks.set(topic, new Deck(rng, bank.asks));
    }
  }

  mention(w: TimeWindow): void {
    const { rng } = this.b;
    const person = rng.pick(this.talkers);
    const topic =
      person.topics.length > 0 && !rng.chance(0.1) ? rng.pick(person.topics) : 'everyday';
    const bank = TOPIC_BANKS[topic];
    const lines = this.lines.get(topic);
    const asks = this.asks.get(topic);
    if (lines === undefined || asks === undefined) throw new Error(`no phrases for ${topic}`);
    const parts = [this.openers.draw(), drawFor(person, lines)];
    if (rng.chance(0.45)) parts.push(drawFor(person, asks));
    if (rng.chance(0.3)) parts.push(this.closers.draw());
    if (rng.chance(0.25)) parts.push(`#${rng.pick(bank.tags)}`);
    this.b.addPost({
      nid: this.b.nextGeneratedId(),
      by: person.key as PersonKey,
      t: timeIn(rng, w),
      text: parts.filter((s) => s !== '').join(' '),
      visibility: rng.chance(0.2) ? 'unlisted' : 'public',
      lang: 'en',
    });
  }

  direct(w: TimeWindow): void {
    const { rng } = this.b;
    const dm = this.directs.draw();
    const senders = dm.from === undefined ? this.talkers : dm.from.map((key) => seedOf(key));
    const by = pickNotNamedIn(rng, senders, dm.text).key as PersonKey;
    this.b.addPost({
      nid: this.b.nextGeneratedId(),
      by,
      t: timeIn(rng, w),
      text: dm.text,
      visibility: 'direct',
      lang: dm.lang ?? 'en',
    });
  }

  /** Someone answers one of the user's own posts; false when no post is ready for an answer. */
  replyToOwn(w: TimeWindow): boolean {
    const { rng } = this.b;
    const t = timeIn(rng, w);
    const candidates = this.own.filter((o) => o.built.t < t - 30 * MINUTE && o.replies.length > 0);
    if (candidates.length === 0) return false;
    const target = rng.pick(candidates);
    const text = target.replies.pop() ?? '';
    const fans = this.talkers.filter((p) => p.topics.includes(target.script.topic));
    const by = pickNotNamedIn(rng, fans.length > 0 ? fans : this.talkers, text).key as PersonKey;
    this.b.addPost({
      nid: this.b.nextGeneratedId(),
      by,
      t,
      text,
      parent: target.built,
      visibility: rng.chance(0.25) ? 'unlisted' : 'public',
      lang: 'en',
    });
    return true;
  }
}

/** Favourites, boosts and follows. */
export class AppreciationStream {
  private readonly targets: readonly BuiltPost[];
  private readonly followers: PersonKey[];

  constructor(
    private readonly b: NetworkBuilder,
    private readonly fans: readonly DemoPersonSeed[],
  ) {
    this.targets = Array.from(b.posts.values()).filter(
      (p) =>
        p.author === SELF_KEY &&
        (p.post.visibility === 'public' || p.post.visibility === 'unlisted'),
    );
    // People who only appreciate follow first; friends who never followed catch up later.
    const lurkers = fans.filter((p) => p.role === 'lurker').map((p) => p.key as PersonKey);
    const regulars = fans.filter((p) => p.role === 'regular').map((p) => p.key as PersonKey);
    this.followers = [...b.rng.shuffle(regulars), ...b.rng.shuffle(lurkers)];
  }

  appreciate(kind: 'favourite' | 'boost', w: TimeWindow): void {
    const { rng } = this.b;
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const t = timeIn(rng, w);
      const candidates = this.targets.filter(
        (p) => p.t < t - 10 * MINUTE && (kind === 'favourite' || p.post.visibility === 'public'),
      );
      if (candidates.length === 0) continue;
      // Most appreciation comes soon after a post; roots and standalone posts get the most.
      const subject = rng.weighted(
        candidates,
        (p) => (p.post.parent === null ? 3 : 1) * Math.exp(-(t - p.t) / (36 * HOUR)),
      );
      const actor = rng.weighted(this.fans, (p) => (p.role === 'regular' ? 2 : 1));
      if (this.b.addAppreciation(kind, actor.key as PersonKey, subject, t)) return;
    }
  }

  follow(w: TimeWindow): void {
    const actor = this.followers.pop();
    if (actor === undefined) return;
    this.b.addActivity({
      nid: `follow-${actor}`,
      kind: 'follow',
      rawType: 'follow',
      actor,
      postId: null,
      subjectPostId: null,
      threadId: null,
      t: timeIn(this.b.rng, w),
    });
  }
}
