import { create } from 'zustand';
import type { DeliveryClockStatus } from '@shared/ipc/contract';
import type { TriageState } from '@shared/domain';
import { newConversationDraftId, personOfNewConversationDraft } from '@shared/domain/draft';
import type { TriageChange } from '../db/repositories/triage-actions';
import {
  readConversationFromHash,
  readFromHash,
  writeConversationToHash,
  writeToHash,
} from './location-hash';

/**
 * UI and session state only. Anything the store (Dexie) holds is read from there with live
 * queries, never copied here.
 */
/** `welcome`: a fresh store waits for the first-run welcome to be answered before anything loads. */
export type StartupPhase = 'opening' | 'welcome' | 'preparing-demo' | 'ready' | 'failed';

interface StartupSlice {
  readonly startup: { readonly phase: StartupPhase; readonly message: string | null };
  readonly setStartup: (phase: StartupPhase, message?: string | null) => void;
}

interface SelectionSlice {
  readonly selectedThreadId: string | null;
  readonly selectThread: (threadId: string | null) => void;
}

/** What main's delivery clock last said: the next delivery, and whether focus time is on. */
interface ClockSlice {
  readonly clock: DeliveryClockStatus | null;
  readonly setClock: (status: DeliveryClockStatus) => void;
}

/** Which part of the review session is in front, and what the last actions were (for undo). */
export type SessionPane = 'conversations' | 'screener' | 'summary' | 'shortcuts';

/** A reply just queued: undoing it takes it back while it has not left (see SendNotice). */
export interface SendChange {
  readonly type: 'send';
  readonly entryId: string;
  readonly threadBefore: QueuedNotice['threadBefore'];
}

/** One action of the review session that `u` (or the toolbar's Undo) can reverse. */
export type UndoEntry = TriageChange | SendChange;

interface SessionSlice {
  readonly pane: SessionPane;
  readonly setPane: (pane: SessionPane) => void;
  readonly undoStack: readonly UndoEntry[];
  /** Which session the undo stack belongs to; see `scopeUndo`. */
  readonly undoScope: string | null;
  /** The undo stack holds one session's actions: a new session (scope) starts it empty. */
  readonly scopeUndo: (scope: string) => void;
  readonly pushUndo: (change: UndoEntry) => void;
  /**
   * The latest entry that can still be undone, taken off the stack together with any later ones
   * that no longer can (a reply that has been sent meanwhile).
   */
  readonly popUndo: (canUndo?: (entry: UndoEntry) => boolean) => UndoEntry | undefined;
  readonly selectedScreenerKey: string | null;
  readonly selectScreener: (key: string | null) => void;
}

/** Which page is in front: the inbox (session or closed), the replies page, or "Your week". */
export type AppPage = 'inbox' | 'replies' | 'week';

/** A reply just queued, for the notice that offers to take it back. */
export interface QueuedNotice {
  readonly entryId: string;
  readonly recipientName: string;
  /** The conversation's triage before replying handled it, restored if the reply is taken back. */
  readonly threadBefore: {
    readonly threadId: string;
    readonly triage: TriageState;
    readonly triagedAt: number | null;
  } | null;
}

interface NavigationSlice {
  readonly page: AppPage;
  readonly showPage: (page: AppPage) => void;
  /**
   * The draft open in the full-window composer, or null: the id of the post being answered, or
   * `write:<person id>` for a new conversation (`newConversationDraftId`).
   */
  readonly composing: string | null;
  /** Opens the composer on a draft: a post's id (a reply), or a new conversation's draft id. */
  readonly openComposer: (draftId: string) => void;
  readonly closeComposer: () => void;
  readonly queued: QueuedNotice | null;
  readonly setQueued: (notice: QueuedNotice | null) => void;
  /** Follows the address after the user (or a link) changed it. */
  readonly followHash: () => void;
}

export type UiState = StartupSlice & SelectionSlice & ClockSlice & SessionSlice & NavigationSlice;

/** The draft the address opens the composer on: `write=<person id>`, else `reply=<post id>`. */
function composingInHash(): string | null {
  const personId = readFromHash('write');
  return personId === null ? readFromHash('reply') : newConversationDraftId(personId);
}

const pageInHash = (): AppPage => {
  const view = readFromHash('view');
  return view === 'replies' || view === 'week' ? view : 'inbox';
};

export const useUiStore = create<UiState>()((set, get) => ({
  startup: { phase: 'opening', message: null },
  setStartup: (phase, message = null) => set({ startup: { phase, message } }),
  pane: 'conversations',
  setPane: (pane) => set({ pane }),
  undoStack: [],
  undoScope: null,
  scopeUndo: (scope) => {
    if (get().undoScope !== scope) set({ undoScope: scope, undoStack: [] });
  },
  pushUndo: (change) => set((state) => ({ undoStack: withUndo(state.undoStack, change) })),
  popUndo: (canUndo = () => true) => {
    const stack = get().undoStack;
    const index = stack.findLastIndex(canUndo);
    if (stack.length > 0) set({ undoStack: stack.slice(0, Math.max(index, 0)) });
    return index === -1 ? undefined : stack[index];
  },
  selectedScreenerKey: null,
  selectScreener: (selectedScreenerKey) => set({ selectedScreenerKey }),
  clock: null,
  setClock: (clock) => set({ clock }),
  page: pageInHash(),
  followHash: () =>
    set({
      page: pageInHash(),
      composing: composingInHash(),
      selectedThreadId: readConversationFromHash(),
    }),
  showPage: (page) => {
    writeToHash('view', page === 'inbox' ? null : page);
    set({ page });
  },
  composing: composingInHash(),
  openComposer: (draftId) => {
    const personId = personOfNewConversationDraft(draftId);
    writeToHash('reply', personId === null ? draftId : null);
    writeToHash('write', personId);
    set({ composing: draftId });
  },
  closeComposer: () => {
    writeToHash('reply', null);
    writeToHash('write', null);
    set({ composing: null });
  },
  queued: null,
  // A reply just queued is the latest action of the session: undo takes it back.
  setQueued: (queued) =>
    set((state) =>
      queued === null
        ? { queued }
        : {
            queued,
            undoStack: withUndo(state.undoStack, {
              type: 'send',
              entryId: queued.entryId,
              threadBefore: queued.threadBefore,
            }),
          },
    ),
  selectedThreadId: readConversationFromHash(),
  selectThread: (selectedThreadId) => {
    writeConversationToHash(selectedThreadId);
    set({ selectedThreadId });
  },
}));

/** The stack with `change` on top; the oldest go beyond 50. */
function withUndo(stack: readonly UndoEntry[], change: UndoEntry): readonly UndoEntry[] {
  return [...stack.slice(-49), change];
}
