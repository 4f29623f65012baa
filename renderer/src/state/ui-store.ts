import { create } from 'zustand';
import type { DeliveryClockStatus } from '../../../shared/ipc/contract';
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

export type UiState = StartupSlice & SelectionSlice & ClockSlice;

export const useUiStore = create<UiState>()((set) => ({
  startup: { phase: 'opening', message: null },
  setStartup: (phase, message = null) => set({ startup: { phase, message } }),
  clock: null,
  setClock: (clock) => set({ clock }),
  selectedThreadId: readConversationFromHash(),
  selectThread: (selectedThreadId) => {
    writeConversationToHash(selectedThreadId);
    set({ selectedThreadId });
  },
}));
