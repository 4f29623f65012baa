import { useLiveQuery } from 'dexie-react-hooks';
import { ShieldX, UserCheck } from 'lucide-react';
import type { Person, Post } from '@shared/domain';
import { useDatabase } from '../../app/database-context';
import type { ScreenerEntry } from '@shared/session';
import { nameOf } from '@shared/threads/thread-labels';
import { SafeHtml } from '../../ui/SafeHtml';

interface Props {
  readonly entry: ScreenerEntry;
  readonly person: Person | undefined;
  readonly onLetIn: () => void;
  readonly onKeepOut: () => void;
  /** A quiet line for what an earlier session left here ("Waiting since…"). */
  readonly note?: string | null;
}

/** Why someone waits in the screener, what they wrote, and the two ways out. */
export function ScreenerDetail({ entry, person, onLetIn, onKeepOut, note }: Props) {
  const db = useDatabase();
  const posts = useLiveQuery(
    async () =>
      (await db.posts.bulkGet([...entry.postIds])).filter((p): p is Post => p !== undefined),
    [db, entry.postIds],
  );
  const name = person === undefined ? 'Someone' : nameOf(person);
  const spam = entry.reason !== 'first-time';
  const letIn = (
    <button
      key="let-in"
      type="button"
      className={spam ? 'button' : 'button button--primary'}
      aria-keyshortcuts="i"
      onClick={onLetIn}
    >
      <UserCheck className="icon" aria-hidden="true" />
      <span className="button__label">Let in</span> <kbd>i</kbd>
    </button>
  );
  const keepOut = (
    <button
      key="keep-out"
      type="button"
      className={spam ? 'button button--primary' : 'button'}
      aria-keyshortcuts="o"
      onClick={onKeepOut}
    >
      <ShieldX className="icon" aria-hidden="true" />
      <span className="button__label">Keep out</span> <kbd>o</kbd>
    </button>
  );
  return (
    <section className="screener" aria-labelledby="screener-heading">
      <h2 id="screener-heading" tabIndex={-1}>
        {entry.reason === 'first-time' ? `First message from ${name}` : `${name} may be spam`}
      </h2>
      {person !== undefined ? <p className="post__handle">{person.handle}</p> : null}
      {note == null ? null : <p className="waiting-since">{note}</p>}
      <ul className="screener__reasons" aria-label="Why this waits in the screener">
        {entry.explanations.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      {(posts ?? []).map((post) => (
        <article key={post.id} className="post" aria-label={`What ${name} wrote`}>
          <SafeHtml className="post__content" html={post.contentHtml} linksAsText={spam} />
        </article>
      ))}
      {/* For likely spam, keeping it out is the prominent action (and comes first). */}
      <div
        className={`triage screener__actions${spam ? ' screener__actions--spam' : ''}`}
        role="toolbar"
        aria-label="Screening"
      >
        {spam ? [keepOut, letIn] : [letIn, keepOut]}
      </div>
    </section>
  );
}
