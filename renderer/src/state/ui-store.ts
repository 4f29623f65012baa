import { create } from 'zustand';
import type { DeliveryClockStatus } from '../../../shared/ipc/contract';
import type { TriageChange } from '../db/repositories/session';
import { readConversationFromHash, writeConversationToHash } from './location-hash';

/**
 * UI and session state only. Anything the store (Dexie) holds is read from there with live
 * queries, never copied here.
 */
export type StartupPhase = 'opening' | 'preparing-demo' | 'ready' | 'failed';

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

interface SessionSlice {
  readonly pane: SessionPane;
  readonly setPane: (pane: SessionPane) => void;
  readonly undoStack: readonly TriageChange[];
  readonly pushUndo: (change: TriageChange) => void;
  readonly popUndo: () => TriageChange | undefined;
  readonly selectedScreenerKey: string | null;
  readonly selectScreener: (key: string | null) => void;
}

export type UiState = StartupSlice & SelectionSlice & ClockSlice & SessionSlice;

export const useUiStore = create<UiState>()((set, get) => ({
  startup: { phase: 'opening', message: null },
  setStartup: (phase, message = null) => set({ startup: { phase, message } }),
  pane: 'conversations',
  setPane: (pane) => set({ pane }),
  undoStack: [],
  pushUndo: (change) => set((state) => ({ undoStack: [...state.undoStack.slice(-49), change] })),
  popUndo: () => {
    const stack = get().undoStack;
    const last = stack[stack.length - 1];
    if (last !== undefined) set({ undoStack: stack.slice(0, -1) });
    return last;
  },
  selectedScreenerKey: null,
  selectScreener: (selectedScreenerKey) => set({ selectedScreenerKey }),
  clock: null,
  setClock: (clock) => set({ clock }),
  selectedThreadId: readConversationFromHash(),
  selectThread: (selectedThreadId) => {
    writeConversationToHash(selectedThreadId);
    set({ selectedThreadId });
  },
}));
