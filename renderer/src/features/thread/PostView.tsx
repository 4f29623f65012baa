import { memo } from 'react';
import type { Person, Post } from '@shared/domain';
import { normaliseLanguageTag } from '@shared/text/language-tag';
import { nameOf } from '@shared/threads/thread-labels';
import { Avatar } from '../../ui/Avatar';
import { SafeHtml } from '../../ui/SafeHtml';
import { formatFullTime, formatPostTime } from '../../ui/format-time';
import { PostMediaList } from './PostMediaList';

interface Props {
  readonly post: Post;
  readonly author: Person | undefined;
  readonly depth: number;
  readonly now: number;
  /** The post the reply being written answers. */
  readonly answering?: boolean;
}

/** One post in a thread. Never a like, boost or follower count. */
export const PostView = memo(function PostView({
  post,
  author,
  depth,
  now,
  answering = false,
}: Props) {
  const name = author === undefined ? 'Someone' : author.isSelf ? 'You' : nameOf(author);
  const body = (
    <>
      <SafeHtml
        className="post__content"
        html={post.contentHtml}
        emptyText={(post.media?.length ?? 0) > 0 ? undefined : 'No text in this post.'}
      />
      <PostMediaList media={post.media ?? []} />
    </>
  );
  return (
    <article
      className={`post${post.isOwn ? ' post--own' : ''}${answering ? ' post--answering' : ''}`}
      aria-label={`${name}, ${formatPostTime(post.createdAt, now)}`}
      style={{ marginInlineStart: `${Math.min(depth, 6) * 1.25}rem` }}
      lang={normaliseLanguageTag(post.language) ?? undefined}
    >
      <header className="post__header">
        <Avatar
          name={author === undefined ? name : nameOf(author)}
          url={author?.avatarUrl}
          size="small"
          className="post__face"
        />
        <span className="post__author">{name}</span>
        {author !== undefined && !author.isSelf ? (
          <span className="post__handle">{author.handle}</span>
        ) : null}
        <time
          className="post__time"
          dateTime={new Date(post.createdAt).toISOString()}
          title={formatFullTime(post.createdAt)}
        >
          {formatPostTime(post.createdAt, now)}
        </time>
        {post.visibility === 'direct' ? <span className="post__visibility">Private</span> : null}
        {answering ? <span className="post__answering">You are answering this</span> : null}
      </header>
      {post.contentWarning !== null && post.contentWarning !== '' ? (
        <details className="post__cw">
          <summary>Content warning: {post.contentWarning}</summary>
          {body}
        </details>
      ) : (
        body
      )}
    </article>
  );
});
