import { useLiveQuery } from 'dexie-react-hooks';
import { forwardRef, memo, useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { participantsLabel } from '@shared/threads/thread-labels';
import { useAccountMarks } from '../../accounts/use-account-marks';
import { useDatabase } from '../../app/database-context';
import { AccountMark } from '../../ui/AccountMark';
import { loadThread } from '../../db/repositories/conversations';
import { PostView } from './PostView';
import { threadDepths } from './thread-depth';

interface Props {
  readonly threadId: string | null;
  readonly now: number;
  /** Posts not to show (waiting in the screener). */
  readonly hiddenPostIds?: ReadonlySet<string>;
  /** The post a reply is being written to (the composer marks it). */
  readonly answeringPostId?: string;
  /** A quiet line under the heading ("Waiting since the 09:00 delivery on Tuesday"). */
  readonly note?: string | null;
  /**
   * What goes below the conversation (the way into a reply), shown only once the conversation is:
   * nothing appears first and then moves down.
   */
  readonly after?: ReactNode;
}

/**
 * The open conversation, oldest first, replies indented under what they answer. Drawn again only
 * when what it is given changes (not on every keystroke in the list beside it).
 */
export const ThreadView = memo(
  forwardRef<HTMLHeadingElement, Props>(function ThreadView(
    { threadId, now, hiddenPostIds, answeringPostId, note, after },
    headingRef,
  ) {
    const db = useDatabase();
    // One id per view: search shows a conversation while the session's stays behind it.
    const headingId = useId();
    const accounts = useAccountMarks();
    const detail = useLiveQuery(
      () => (threadId === null ? null : loadThread(db, threadId)),
      [db, threadId],
    );
    // Posts waiting in the screener are not shown, and neither are their authors' names.
    const visible = useMemo(
      () => (detail ? detail.posts.filter((post) => !hiddenPostIds?.has(post.id)) : []),
      [detail, hiddenPostIds],
    );
    const depths = useMemo(
      () => (detail ? threadDepths(detail.posts) : new Map<string, number>()),
      [detail],
    );
    const who = useMemo(
      () =>
        detail
          ? participantsLabel(
              [...new Set(visible.map((p) => p.authorId))].map((id) => detail.people.get(id)),
            )
          : '',
      [detail, visible],
    );

    if (threadId === null || detail === null) {
      return (
        <section className="thread thread--empty" aria-label="Conversation">
          <p>Choose a conversation to read it.</p>
        </section>
      );
    }
    if (detail === undefined)
      return <section className="thread" aria-label="Conversation" aria-busy="true" />;
    const account = accounts?.get(detail.thread.accountId);
    return (
      <>
        <section className="thread" aria-labelledby={headingId}>
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="thread__heading">
            {detail.thread.isDirect ? 'Private conversation with ' : 'Conversation with '}
            {who}
          </h2>
          {account === undefined ? null : (
            <p className="thread__account">
              <AccountMark account={account} />
            </p>
          )}
          {note == null ? null : <p className="waiting-since">{note}</p>}
          <div className="thread__posts">
            {visible.map((post) => (
              <PostView
                key={post.id}
                post={post}
                author={detail.people.get(post.authorId)}
                depth={depths.get(post.id) ?? 0}
                now={now}
                answering={post.id === answeringPostId}
              />
            ))}
          </div>
        </section>
        {after}
      </>
    );
  }),
);
