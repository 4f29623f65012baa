import type { Person, Post, Thread } from '../../../../shared/domain';
import type { SessionConversation } from '../../../../shared/session';
import { postQuote } from '../../../../shared/session';
import { nameOf } from '../../../../shared/threads/thread-labels';
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

interface Lookup {
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
    const accountId = lookup.accounts === null ? undefined : lookup.threads.get(this.id)?.accountId;
    this.account = accountId === undefined ? undefined : lookup.accounts?.get(accountId);
    const person = lookup.people?.get(conversation.personId);
    this.face =
      person === undefined ? undefined : { name: nameOf(person), avatarUrl: person.avatarUrl };
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
    return this.lookup.threads.get(threadId)?.lastSnippet ?? '';
  }
}
