import type { Person, Post, Thread } from '@shared/domain';
import type { SessionConversation } from '@shared/session';
import { postQuote } from '@shared/session';
import { nameOf } from '@shared/threads/thread-labels';
import type { MarkedAccount } from '../../accounts/account-mark';
import type { ListRow, RowFace } from './SessionList';

// A row quotes its conversation's latest post; each post is turned into a line once.
const quotes = new Map<string, string>();
function cachedQuote(post: Post): string {
  let line = quotes.get(post.id);
  if (line === undefined) {
    line = postQuote(post);
    if (quotes.size > 20_000) quotes.clear();
    quotes.set(post.id, line);
  }
  return line;
}

export interface Lookup {
  readonly posts: ReadonlyMap<string, Post>;
  /** Each conversation's quote by thread id, when the first view's record gave them. */
  readonly quotes: ReadonlyMap<string, string> | null;
  readonly threads: ReadonlyMap<string, Thread>;
  /** The accounts by id, when the inbox marks which account a conversation came to. */
  readonly accounts: ReadonlyMap<string, MarkedAccount> | null;
  /** The people of the session (undefined until loaded). */
  readonly people: ReadonlyMap<string, Person> | undefined;
}

/**
 * One conversation in the session list. Made for every conversation on every change (thousands),
 * so it is a plain class, and its quote is worked out only when the row is on screen.
 */
export class ConversationRow implements ListRow {
  readonly id: string;
  readonly title: string;
  readonly at: number;
  readonly badge: string | undefined;
  readonly continuesGroup: boolean;
  readonly note: string | undefined;
  readonly account: MarkedAccount | undefined;
  readonly face: RowFace | undefined;
  /** The thread as this row was made from it (its account, its last line). */
  private readonly thread: Thread | undefined;

  constructor(
    private readonly conversation: SessionConversation,
    continuesGroup: boolean,
    private readonly lookup: Lookup,
    /** "Waiting since the 09:00 delivery on Tuesday", for what an earlier session left. */
    note?: string,
  ) {
    this.id = conversation.threadId;
    this.title = conversation.reason;
    this.at = conversation.latestAt;
    this.badge = conversation.kind === 'direct' ? 'Private' : undefined;
    this.continuesGroup = continuesGroup;
    this.note = note;
    this.thread = lookup.threads.get(this.id);
    const accountId = lookup.accounts === null ? undefined : this.thread?.accountId;
    this.account = accountId === undefined ? undefined : lookup.accounts?.get(accountId);
    const person = lookup.people?.get(conversation.personId);
    this.face =
      person === undefined ? undefined : { name: nameOf(person), avatarUrl: person.avatarUrl };
  }

  /**
   * True when a row made from these would be this one (so this one can be kept). Every answer from
   * the store brings a new map of threads, but a thread nobody touched is the same object in it.
   */
  isFor(
    conversation: SessionConversation,
    continuesGroup: boolean,
    lookup: Lookup,
    note: string | undefined,
  ): boolean {
    return (
      this.conversation === conversation &&
      this.continuesGroup === continuesGroup &&
      this.note === note &&
      this.lookup.posts === lookup.posts &&
      this.lookup.quotes === lookup.quotes &&
      this.lookup.accounts === lookup.accounts &&
      this.lookup.people === lookup.people &&
      this.thread === lookup.threads.get(conversation.threadId)
    );
  }

  /**
   * What this conversation brought, not the thread's last line (which may be someone waiting in
   * the screener).
   */
  get detail(): string {
    const { postIds, threadId } = this.conversation;
    const kept = this.lookup.quotes?.get(threadId);
    if (kept !== undefined) return kept;
    const latestPost = this.lookup.posts.get(postIds[postIds.length - 1] ?? '');
    if (latestPost !== undefined) return cachedQuote(latestPost);
    return this.thread?.lastSnippet ?? '';
  }
}

/**
 * The list's rows, in order, each kept from `previous` (by thread id) when nothing it shows
 * changed: a keystroke that takes one conversation out of thousands makes new rows only for its
 * neighbours, and the rows on screen that stay the same object are not drawn again.
 */
export function conversationRows(
  conversations: readonly SessionConversation[],
  lookup: Lookup,
  noteOf: (conversation: SessionConversation) => string | undefined,
  previous: ReadonlyMap<string, ConversationRow>,
): ConversationRow[] {
  return conversations.map((c, index) => {
    const continuesGroup = index > 0 && conversations[index - 1]?.personId === c.personId;
    const note = noteOf(c);
    const kept = previous.get(c.threadId);
    return kept?.isFor(c, continuesGroup, lookup, note) === true
      ? kept
      : new ConversationRow(c, continuesGroup, lookup, note);
  });
}

/** The rows as last made, with what they were made from, so the next ones can start from them. */
export interface KeptRows {
  readonly list: readonly SessionConversation[];
  readonly rows: readonly ConversationRow[];
  readonly lookup: Lookup;
  readonly noteOf: (conversation: SessionConversation) => string | undefined;
}

/**
 * The rows for `list`, made from the last ones: after a keystroke (a conversation taken out or put
 * back) or an answer from the store (a thread or two changed), one walk along both lists keeps
 * every row whose conversation, group and thread are as they were, without asking anything of the
 * rest; only new or changed rows are made (or kept, see `isFor`). When more changed (the people
 * were read, the accounts, a new minute for the notes) every row is looked at, as
 * `conversationRows` does. The same rows as `conversationRows` would give, in every case.
 *
 * `order` gives each conversation's place in the session (both lists follow it); `changedThreads`
 * the threads that may be other objects in `lookup.threads` than in the last lookup's (null: any).
 */
export function nextConversationRows(
  previous: KeptRows | null,
  list: readonly SessionConversation[],
  lookup: Lookup,
  noteOf: (conversation: SessionConversation) => string | undefined,
  order: { positionOf(conversation: SessionConversation): number } | null,
  changedThreads: readonly string[] | null,
): KeptRows {
  if (
    previous === null ||
    order === null ||
    changedThreads === null ||
    previous.noteOf !== noteOf ||
    previous.lookup.posts !== lookup.posts ||
    previous.lookup.quotes !== lookup.quotes ||
    previous.lookup.accounts !== lookup.accounts ||
    previous.lookup.people !== lookup.people
  ) {
    const byId = new Map(previous?.rows.map((row) => [row.id, row]));
    return { list, rows: conversationRows(list, lookup, noteOf, byId), lookup, noteOf };
  }
  const changed = new Set(changedThreads);
  const { list: before, rows: made } = previous;
  const rows: ConversationRow[] = [];
  let j = 0;
  list.forEach((c, index) => {
    if (before[j] !== c) {
      // Rows of conversations no longer listed are passed by.
      const at = order.positionOf(c);
      while (j < before.length && before[j] !== c && order.positionOf(before[j]!) < at) j += 1;
    }
    const old = before[j] === c ? made[j] : undefined;
    if (old !== undefined) j += 1;
    const continuesGroup = index > 0 && list[index - 1]?.personId === c.personId;
    if (old !== undefined && old.continuesGroup === continuesGroup && !changed.has(c.threadId)) {
      rows.push(old);
      return;
    }
    const note = noteOf(c);
    rows.push(
      old?.isFor(c, continuesGroup, lookup, note) === true
        ? old
        : new ConversationRow(c, continuesGroup, lookup, note),
    );
  });
  return { list, rows, lookup, noteOf };
}
