import type { Post, Thread } from '../domain';
import { htmlToVisibleText } from '../text/html-to-text';
import { NO_TEXT, snippetOf } from '../threads/thread-labels';
import type { SessionConversation } from './session-types';

/** The line a post reads as in a list: its visible text, cut to 160 characters. */
export function postQuote(post: Post): string {
  return snippetOf(htmlToVisibleText(post.contentHtml), 160) || NO_TEXT;
}

/**
 * What a conversation's row quotes: what this delivery brought (its latest post), not the
 * thread's last line (which may be someone waiting in the screener); the thread's last line when
 * that post is not stored.
 */
export function conversationQuote(
  conversation: SessionConversation,
  posts: ReadonlyMap<string, Post>,
  thread: Thread | undefined,
): string {
  const { postIds } = conversation;
  const latest = posts.get(postIds[postIds.length - 1] ?? '');
  if (latest !== undefined) return postQuote(latest);
  return thread?.lastSnippet ?? '';
}
