import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { Thread } from '../../../../shared/domain';
import { formatPostTime } from '../../ui/format-time';

interface Props {
  readonly threads: readonly Thread[];
  readonly selectedId: string | null;
  readonly onSelect: (threadId: string) => void;
  /** Enter: move focus into the open conversation. */
  readonly onOpen: (threadId: string) => void;
  readonly now: number;
}

const ROW_HEIGHT = 76;

export function optionId(threadId: string): string {
  return `conversation-${encodeURIComponent(threadId).replace(/%/g, '_')}`;
}

/**
 * The conversation list: one listbox, virtualized so thousands of threads cost the same as ten.
 * Keyboard: ↑/↓ or k/j move, Home/End jump, Enter opens. Selection follows focus.
 */
export function ConversationList({ threads, selectedId, onSelect, onOpen, now }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: threads.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const selectedIndex = threads.findIndex((t) => t.id === selectedId);
  // Keys can arrive faster than React renders: track where the selection is going, not where the
  // last render left it, so three quick `j` presses always move three rows.
  const cursor = useRef(selectedIndex);
  cursor.current = selectedIndex;

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const move = (index: number): void => {
    const clamped = Math.max(0, Math.min(threads.length - 1, index));
    const target = threads[clamped];
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
        move(threads.length - 1);
        break;
      case 'PageDown':
        move(current + 8);
        break;
      case 'PageUp':
        move(current - 8);
        break;
      case 'Enter': {
        const open = threads[current];
        if (open !== undefined) onOpen(open.id);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div
      ref={scrollRef}
      className="conversation-list"
      role="listbox"
      aria-label="Conversations"
      tabIndex={0}
      aria-activedescendant={
        selectedId !== null && selectedIndex >= 0 ? optionId(selectedId) : undefined
      }
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (cursor.current < 0) move(0);
      }}
    >
      <div className="conversation-list__sizer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const thread = threads[row.index];
          if (thread === undefined) return null;
          const selected = thread.id === selectedId;
          return (
            <div
              key={thread.id}
              id={optionId(thread.id)}
              role="option"
              aria-selected={selected}
              aria-setsize={threads.length}
              aria-posinset={row.index + 1}
              className="conversation"
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              onClick={() => onSelect(thread.id)}
            >
              <span className="conversation__who">
                {thread.isDirect ? <span className="conversation__kind">Private · </span> : null}
                {thread.participantsLabel}
              </span>
              <time
                className="conversation__when"
                dateTime={new Date(thread.lastActivityAt).toISOString()}
              >
                {formatPostTime(thread.lastActivityAt, now)}
              </time>
              <span className="conversation__snippet">{thread.lastSnippet}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
