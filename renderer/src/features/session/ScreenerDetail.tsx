import { useLiveQuery } from 'dexie-react-hooks';
import type { Person, Post } from '../../../../shared/domain';
import { useDatabase } from '../../app/database-context';
import type { ScreenerEntry } from '../../../../shared/session';
import { nameOf } from '../../../../shared/threads/thread-labels';
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
          <SafeHtml className="post__content" html={post.contentHtml} />
        </article>
      ))}
      <div className="triage" role="toolbar" aria-label="Screening">
        <button
          type="button"
          className="button button--primary"
          aria-keyshortcuts="i"
          onClick={onLetIn}
        >
          Let in <kbd>i</kbd>
        </button>
        <button type="button" className="button" aria-keyshortcuts="o" onClick={onKeepOut}>
          Keep out <kbd>o</kbd>
        </button>
      </div>
    </section>
  );
}
