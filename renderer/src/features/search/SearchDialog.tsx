import { ArrowLeft } from 'lucide-react';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Person } from '@shared/domain';
import { snippetParts } from '@shared/search/snippet';
import { htmlToVisibleText } from '@shared/text/html-to-text';
import type { HighlightPart } from '@shared/text/search-terms';
import { highlight } from '@shared/text/search-terms';
import { nameOf } from '@shared/threads/thread-labels';
import { useDatabase } from '../../app/database-context';
import { latestConversationOf } from '../../db/repositories/search-people';
import { Dialog } from '../../ui/Dialog';
import { formatPostTime } from '../../ui/format-time';
import { useNow } from '../../ui/use-now';
import { ThreadView } from '../thread/ThreadView';
import type { SearchResults } from './use-search';
import { useSearch } from './use-search';
import '../../styles/search.css';

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
}

type Option =
  | { readonly kind: 'person'; readonly key: string; readonly person: Person }
  | { readonly kind: 'draft'; readonly key: string; readonly threadId: string }
  | { readonly kind: 'conversation'; readonly key: string; readonly threadId: string };

/** What Enter (or a click) opened: a conversation, or a person with none to show. */
type Opened = { readonly threadId: string } | { readonly person: Person };

/**
 * Search over everything stored on this machine, offline: released posts, people (with the
 * user's private notes) and drafts. Arrow keys move through the results, Enter opens one, Escape
 * goes back (from a conversation) or closes.
 */
export function SearchDialog({ open, onClose }: Props) {
  return (
    <Dialog open={open} title="Search" onClose={onClose} wide closeLabel="Close search">
      {open ? <SearchPanel /> : null}
    </Dialog>
  );
}

function SearchPanel() {
  const db = useDatabase();
  const now = useNow(60_000);
  const [text, setText] = useState('');
  const [includeKeptOut, setIncludeKeptOut] = useState(false);
  const [active, setActive] = useState(0);
  const [opened, setOpened] = useState<Opened | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // The conversation's heading takes the focus once it is drawn (its posts are read first).
  const headingRef = useCallback((heading: HTMLHeadingElement | null) => heading?.focus(), []);
  const backRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const results = useSearch(db, text, includeKeptOut);
  const options = useMemo(() => optionsOf(results), [results]);
  const activeIndex = Math.min(active, options.length - 1);
  const activeOption = options[activeIndex];

  useEffect(() => setActive(0), [results]);
  // The dialog opens (showModal) after this mounts, and then focuses its autofocus element.
  useLayoutEffect(() => inputRef.current?.setAttribute('autofocus', ''), [opened]);
  useEffect(() => {
    if (opened === null) inputRef.current?.focus();
    else if (!('threadId' in opened)) backRef.current?.focus();
  }, [opened]);
  useEffect(() => {
    if (activeOption === undefined) return;
    document
      .getElementById(optionId(listId, activeOption.key))
      ?.scrollIntoView({ block: 'nearest' });
  }, [activeOption, listId]);

  const openOption = (option: Option | undefined): void => {
    if (option === undefined) return;
    if (option.kind !== 'person') {
      setOpened({ threadId: option.threadId });
      return;
    }
    void latestConversationOf(db, option.person.id).then((threadId) =>
      setOpened(threadId === null ? { person: option.person } : { threadId }),
    );
  };

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key as 'ArrowDown' | 'ArrowUp'];
    if (move !== undefined && options.length > 0) {
      event.preventDefault();
      setActive((activeIndex + move + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openOption(activeOption);
    }
  };

  if (opened !== null) {
    return (
      <div
        className="search__opened"
        onKeyDown={(event) => {
          // Escape goes back to the results (the dialog stays open).
          if (event.key !== 'Escape') return;
          event.preventDefault();
          event.stopPropagation();
          setOpened(null);
        }}
      >
        <button
          ref={backRef}
          type="button"
          className="button button--quiet search__back"
          onClick={() => setOpened(null)}
        >
          <ArrowLeft className="icon" aria-hidden="true" />
          Back to results
        </button>
        {'threadId' in opened ? (
          <ThreadView ref={headingRef} threadId={opened.threadId} now={now} />
        ) : (
          <PersonCard person={opened.person} />
        )}
      </div>
    );
  }

  return (
    <div className="search">
      <label className="search__label" htmlFor={`${listId}-input`}>
        Find conversations, people and drafts
      </label>
      <input
        ref={inputRef}
        id={`${listId}-input`}
        className="search__input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={
          activeOption === undefined ? undefined : optionId(listId, activeOption.key)
        }
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onInputKey}
      />
      <label className="search__toggle">
        <input
          type="checkbox"
          checked={includeKeptOut}
          onChange={(event) => setIncludeKeptOut(event.target.checked)}
        />
        Include screened-out people
      </label>
      <p className="search__status" role="status">
        {statusOf(text, results)}
      </p>
      <div id={listId} role="listbox" aria-label="Results" className="search__results">
        {results === null ? null : (
          <ResultGroups
            results={results}
            listId={listId}
            activeKey={activeOption?.key}
            now={now}
            onOpen={openOption}
            options={options}
          />
        )}
      </div>
    </div>
  );
}

function ResultGroups({
  results,
  options,
  listId,
  activeKey,
  now,
  onOpen,
}: {
  readonly results: SearchResults;
  readonly options: readonly Option[];
  readonly listId: string;
  readonly activeKey: string | undefined;
  readonly now: number;
  readonly onOpen: (option: Option) => void;
}) {
  const { query } = results;
  const optionProps = (option: Option) => ({
    id: optionId(listId, option.key),
    role: 'option' as const,
    'aria-selected': option.key === activeKey,
    className: `search__option${option.key === activeKey ? ' search__option--active' : ''}`,
    // The focus stays in the search box.
    onMouseDown: (event: { preventDefault: () => void }) => event.preventDefault(),
    onClick: () => onOpen(option),
  });
  const people = options.filter((o) => o.kind === 'person');
  const drafts = options.filter((o) => o.kind === 'draft');
  const conversations = options.filter((o) => o.kind === 'conversation');
  return (
    <>
      {people.length === 0 ? null : (
        <div role="group" aria-label="People" className="search__group">
          <div className="search__group-title" aria-hidden="true">
            People
          </div>
          {people.map((option) => (
            <div key={option.key} {...optionProps(option)}>
              <span className="search__title">
                <Marked parts={highlight(nameOf(option.person), query)} />{' '}
                <span className="search__meta">
                  <Marked parts={highlight(option.person.handle, query)} />
                </span>
              </span>
              {option.person.notes.trim() === '' ? null : (
                <span className="search__snippet">
                  <span className="search__meta">Your notes: </span>
                  <Marked parts={snippetParts(option.person.notes, query)} />
                </span>
              )}
            </div>
          ))}
        </div>
      )}
      {drafts.length === 0 ? null : (
        <div role="group" aria-label="Drafts" className="search__group">
          <div className="search__group-title" aria-hidden="true">
            Drafts
          </div>
          {results.drafts.map((draft) => {
            const option = drafts.find((o) => o.key === `draft:${draft.id}`);
            if (option === undefined) return null;
            return (
              <div key={option.key} {...optionProps(option)}>
                <span className="search__title">
                  Your draft
                  <span className="search__meta">
                    {' '}
                    · {results.threads.get(draft.threadId)?.participantsLabel ?? 'a conversation'}
                  </span>
                </span>
                <span className="search__snippet">
                  <Marked parts={snippetParts(draft.text, query)} />
                </span>
              </div>
            );
          })}
        </div>
      )}
      {conversations.length === 0 ? null : (
        <div role="group" aria-label="Conversations" className="search__group">
          <div className="search__group-title" aria-hidden="true">
            Conversations
          </div>
          {results.conversations.map((hit) => {
            const option = conversations.find((o) => o.key === `thread:${hit.threadId}`);
            if (option === undefined) return null;
            const thread = results.threads.get(hit.threadId);
            return (
              <div key={option.key} {...optionProps(option)}>
                <span className="search__title">
                  {thread?.participantsLabel ?? 'Conversation'}
                  <span className="search__meta"> · {formatPostTime(hit.newestAt, now)}</span>
                </span>
                {hit.posts.map((post) => {
                  const author = results.authors.get(post.authorId);
                  return (
                    <span key={post.id} className="search__snippet">
                      <span className="search__author">
                        {post.isOwn ? 'You' : author === undefined ? 'Someone' : nameOf(author)}:
                      </span>{' '}
                      <Marked parts={snippetParts(htmlToVisibleText(post.contentHtml), query)} />
                    </span>
                  );
                })}
                {hit.matches > hit.posts.length ? (
                  <span className="search__meta search__more">
                    and {hit.matches - hit.posts.length} more in this conversation
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      )}
    </>
  );
}

/** Text with the matching words in `<mark>`: React writes it as text, never as HTML. */
function Marked({ parts }: { readonly parts: readonly HighlightPart[] }) {
  return <>{parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

function PersonCard({ person }: { readonly person: Person }) {
  return (
    <section className="search__person" aria-label={nameOf(person)}>
      <h3>{nameOf(person)}</h3>
      <p className="search__meta">{person.handle}</p>
      {person.notes.trim() === '' ? null : <p>{person.notes}</p>}
      <p className="search__meta">No conversation with them has been delivered yet.</p>
    </section>
  );
}

function optionsOf(results: SearchResults | null): Option[] {
  if (results === null) return [];
  return [
    ...results.people.map((person) => ({
      kind: 'person' as const,
      key: `person:${person.id}`,
      person,
    })),
    ...results.drafts.map((d) => ({
      kind: 'draft' as const,
      key: `draft:${d.id}`,
      threadId: d.threadId,
    })),
    ...results.conversations.map((c) => ({
      kind: 'conversation' as const,
      key: `thread:${c.threadId}`,
      threadId: c.threadId,
    })),
  ];
}

function optionId(listId: string, key: string): string {
  return `${listId}-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function statusOf(text: string, results: SearchResults | null): string {
  if (text.trim() === '') return 'Type a word or two. Everything is searched on this computer.';
  if (results === null) return '';
  const parts: string[] = [];
  const count = (n: number, one: string, many: string) =>
    n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  parts.push(...count(results.people.length, 'person', 'people'));
  parts.push(...count(results.drafts.length, 'draft', 'drafts'));
  parts.push(...count(results.conversations.length, 'conversation', 'conversations'));
  const found = parts.length === 0 ? 'Nothing found.' : `Found ${parts.join(', ')}.`;
  return results.indexing ? `${found} Older posts are still being indexed.` : found;
}
