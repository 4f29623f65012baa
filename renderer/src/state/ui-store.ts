import { create } from 'zustand';
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

export type UiState = StartupSlice & SelectionSlice;

export const useUiStore = create<UiState>()((set) => ({
  startup: { phase: 'opening', message: null },
  setStartup: (phase, message = null) => set({ startup: { phase, message } }),
  selectedThreadId: readConversationFromHash(),
  selectThread: (selectedThreadId) => {
    writeConversationToHash(selectedThreadId);
    set({ selectedThreadId });
  },
}));
