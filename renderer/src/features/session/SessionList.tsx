import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { MarkedAccount } from '../../accounts/account-mark';
import { AccountMark } from '../../ui/AccountMark';
import { Avatar } from '../../ui/Avatar';
import { formatPostTime } from '../../ui/format-time';

export interface ListRow {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  /** When the latest activity happened; formatted only for the rows on screen. */
  readonly at: number;
  readonly badge?: string | undefined;
  /** Same person as the row above: drawn as one group. */
  readonly continuesGroup?: boolean;
  /** A quiet third line: "Waiting since the 09:00 delivery on Tuesday". */
  readonly note?: string | undefined;
  /** The account it came to, when the inbox marks accounts. */
  readonly account?: MarkedAccount | undefined;
  /** Whose face the row shows (the person it is grouped under). */
  readonly face?: RowFace | undefined;
}

export interface RowFace {
  readonly name: string;
  readonly avatarUrl: string | null;
}

interface Props {
  readonly label: string;
  readonly rows: readonly ListRow[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly onOpen: (id: string) => void;
  readonly emptyText: string;
  readonly now: number;
  /** More rows are on their way (only the first screen of a long session is read yet). */
  readonly busy?: boolean;
}

const ROW_HEIGHT = 76;
const ROW_WITH_NOTE_HEIGHT = 96;

function rowHeight(row: ListRow | undefined): number {
  return row?.note === undefined ? ROW_HEIGHT : ROW_WITH_NOTE_HEIGHT;
}

export function rowDomId(label: string, id: string): string {
  return `${label.toLowerCase().replace(/\W+/g, '-')}-${encodeURIComponent(id).replace(/%/g, '_')}`;
}

/**
 * One listbox, virtualized so a delivery of thousands costs the same as ten. Keyboard: ↑/↓ or k/j
 * move, Home/End jump, Enter opens. Selection follows focus. Drawn again only when what it is
 * given changes (an answer from the store that changes no row is not drawn).
 */
export const SessionList = memo(function SessionList({
  label,
  rows,
  selectedId,
  onSelect,
  onOpen,
  emptyText,
  now,
  busy,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Heights are known, not measured; a new key function makes the list work them out again.
  const estimateSize = useCallback((index: number) => rowHeight(rows[index]), [rows]);
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 8,
  });
  const selectedIndex = rows.findIndex((r) => r.id === selectedId);
  // Each row's time, worked out once a minute.
  const whenOf = useMemo(() => {
    const times = new Map<number, string>();
    return (at: number): string => {
      let when = times.get(at);
      if (when === undefined) times.set(at, (when = formatPostTime(at, now)));
      return when;
    };
  }, [now]);
  // Keys can come faster than React renders: track where the selection is going.
  const cursor = useRef(selectedIndex);
  cursor.current = selectedIndex;

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const move = (index: number): void => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    const target = rows[clamped];
    if (target === undefined) return;
    cursor.current = clamped;
    onSelect(target.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = cursor.current;
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        move(current + 1);
        break;
      case 'ArrowUp':
      case 'k':
        move(current <= 0 ? 0 : current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(rows.length - 1);
        break;
      case 'PageDown':
        move(current + 8);
        break;
      case 'PageUp':
        move(current - 8);
        break;
      case 'Enter': {
        const row = rows[current];
        if (row !== undefined) onOpen(row.id);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  if (rows.length === 0) return <p className="session-list__empty">{emptyText}</p>;
  // The rows on screen stand one under the other, in a window moved to the first one's place: a
  // row that leaves lets the ones below move up by themselves, rather than each row being given
  // a new position (and style) of its own on every keystroke.
  const items = virtualizer.getVirtualItems();
  const windowStart = items[0]?.start ?? 0;
  return (
    <div
      ref={scrollRef}
      className="conversation-list"
      role="listbox"
      aria-label={label}
      aria-busy={busy === true ? true : undefined}
      tabIndex={0}
      aria-activedescendant={
        selectedIndex >= 0 && selectedId !== null ? rowDomId(label, selectedId) : undefined
      }
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (cursor.current < 0) move(0);
      }}
    >
      <div className="conversation-list__sizer" style={{ height: virtualizer.getTotalSize() }}>
        <div
          className="conversation-list__window"
          style={{ transform: `translateY(${windowStart}px)` }}
        >
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <div
                key={row.id}
                id={rowDomId(label, row.id)}
                role="option"
                aria-selected={row.id === selectedId}
                aria-setsize={rows.length}
                aria-posinset={item.index + 1}
                className={`conversation${row.continuesGroup ? ' conversation--group' : ''}${row.face === undefined ? '' : ' conversation--with-face'}`}
                style={{ height: item.size }}
                onClick={() => onSelect(row.id)}
              >
                <RowContent row={row} when={whenOf(row.at)} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});

/**
 * What a row shows. A keystroke moves rows (the one handled leaves, the rest move up) but changes
 * what few of them show: a row that is the same object with the same time is not drawn again.
 */
const RowContent = memo(function RowContent({
  row,
  when,
}: {
  readonly row: ListRow;
  readonly when: string;
}) {
  return (
    <>
      {row.face === undefined ? null : (
        <Avatar name={row.face.name} url={row.face.avatarUrl} className="conversation__face" />
      )}
      <span className="conversation__who">
        {row.badge !== undefined ? (
          <span className="conversation__kind">{row.badge} · </span>
        ) : null}
        {row.title}
      </span>
      <time className="conversation__when" dateTime={new Date(row.at).toISOString()}>
        {when}
      </time>
      {row.account === undefined ? (
        <span className="conversation__snippet">{row.detail}</span>
      ) : (
        <span className="conversation__line">
          <span className="conversation__snippet">{row.detail}</span>
          <AccountMark account={row.account} className="conversation__account" />
        </span>
      )}
      {row.note === undefined ? null : <span className="conversation__note">{row.note}</span>}
    </>
  );
});
