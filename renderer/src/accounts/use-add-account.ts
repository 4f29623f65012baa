import { useCallback, useEffect, useRef, useState } from 'react';
import type { Account } from '../../../shared/domain';
import { useDatabase } from '../app/database-context';
import { welcomeDelivery } from '../app/prepare-store';
import { bridge } from '../bridge/bridge';
import { saveSignedInAccount } from '../db/repositories/accounts';
import { useSync } from '../sync/sync-context';

/** Where adding (or signing in again to) an account stands. */
export type AddAccountState =
  | { readonly step: 'idle' }
  | { readonly step: 'starting' }
  | {
      readonly step: 'waiting';
      readonly attemptId: string;
      /** The server's origin, as main understood what the user typed. */
      readonly server: string;
      readonly authorizeUrl: string;
      /** `loopback`: the browser comes back by itself; `paste-code`: the server shows a code. */
      readonly mode: 'loopback' | 'paste-code';
    }
  | { readonly step: 'finishing' }
  | { readonly step: 'connected'; readonly account: Account; readonly isNew: boolean }
  | { readonly step: 'failed'; readonly message: string };

export interface AddAccount {
  readonly state: AddAccountState;
  start(server: string): Promise<void>;
  /** The code the server's page showed (when the browser cannot come back by itself). */
  submitCode(code: string): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

/**
 * Signing in to a Mastodon server, from the page's side: main registers Slowpost with the server,
 * opens the system browser at its sign-in page and keeps the token; the page only learns who the
 * account is, stores that, catches it up, and (for a new account) makes a welcome delivery of what
 * the first sync brought. With `accountId`, it signs in again to that account.
 */
export function useAddAccount(accountId: string | null = null): AddAccount {
  const db = useDatabase();
  const sync = useSync();
  const [state, setState] = useState<AddAccountState>({ step: 'idle' });
  const current = useRef<string | null>(null);
  /** The attempt the user pasted a code for: its wait for the browser may end in a refusal. */
  const pasted = useRef<string | null>(null);
  useEffect(
    () => () => {
      // Leaving the screen gives up a sign-in still waiting for the browser.
      const attemptId = current.current;
      current.current = null;
      if (attemptId !== null) void bridge.accounts.cancelSignIn({ attemptId });
    },
    [],
  );

  const finish = useCallback(
    async (attemptId: string, code: string | null): Promise<void> => {
      const result = await bridge.accounts.finishSignIn({ attemptId, code });
      if (current.current !== attemptId) return; // cancelled, or another attempt took over
      if (!result.ok) {
        // The wait for the browser may end this way once the user pasted a code instead.
        if (code === null && pasted.current === attemptId) return;
        current.current = null;
        setState({ step: 'failed', message: result.error.message });
        return;
      }
      current.current = null;
      setState({ step: 'finishing' });
      let saved: Awaited<ReturnType<typeof saveSignedInAccount>>;
      try {
        saved = await saveSignedInAccount(db, result.value, Date.now());
      } catch (error) {
        setState({
          step: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      const synced = await sync.sync(Date.now());
      if (saved.isNew && synced.type === 'synced') await welcomeDelivery(db, Date.now());
      setState({ step: 'connected', account: saved.account, isNew: saved.isNew });
    },
    [db, sync],
  );

  const start = useCallback(
    async (server: string): Promise<void> => {
      setState({ step: 'starting' });
      const begun = await bridge.accounts.beginSignIn({ network: 'mastodon', server, accountId });
      if (!begun.ok) {
        setState({ step: 'failed', message: begun.error.message });
        return;
      }
      const { attemptId, mode } = begun.value;
      current.current = attemptId;
      setState({ step: 'waiting', ...begun.value });
      if (mode === 'loopback') await finish(attemptId, null);
    },
    [accountId, finish],
  );

  const submitCode = useCallback(
    async (code: string): Promise<void> => {
      if (state.step !== 'waiting') return;
      pasted.current = state.attemptId;
      await finish(state.attemptId, code.trim());
    },
    [state, finish],
  );

  const cancel = useCallback(async (): Promise<void> => {
    const attemptId = current.current;
    current.current = null;
    setState({ step: 'idle' });
    if (attemptId !== null) await bridge.accounts.cancelSignIn({ attemptId });
  }, []);

  return { state, start, submitCode, cancel, reset: () => setState({ step: 'idle' }) };
}
