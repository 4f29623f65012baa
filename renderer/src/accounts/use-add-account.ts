import { useCallback, useEffect, useRef, useState } from 'react';
import type { Account } from '@shared/domain';
import type { SignedInAccount } from '@shared/ipc/contract';
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

/** What the Bluesky form sends: a handle or email, an app password, and a server if any. */
export interface AppPasswordSignIn {
  readonly identifier: string;
  readonly appPassword: string;
  readonly server: string | null;
}

export interface AddAccount {
  readonly state: AddAccountState;
  /** Signs in through the browser (Mastodon; Bluesky where the server offers it). */
  start(server: string): Promise<void>;
  /** Bluesky: signs in with an app password, with no browser. */
  signInWithAppPassword(request: AppPasswordSignIn): Promise<void>;
  /** The code the server's page showed (when the browser cannot come back by itself). */
  submitCode(code: string): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

/**
 * Signing in to a Mastodon server (or Bluesky), from the page's side: main registers Slowpost with
 * the server, opens the system browser at its sign-in page (or, for Bluesky, takes an app
 * password) and keeps the token; the page only learns who the account is, stores that, catches it
 * up, and (for a new account) makes a welcome delivery of what the first sync brought. With
 * `accountId`, it signs in again to that account.
 */
export function useAddAccount(
  accountId: string | null = null,
  network: 'mastodon' | 'bluesky' = 'mastodon',
): AddAccount {
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

  const signedIn = useCallback(
    async (account: SignedInAccount): Promise<void> => {
      setState({ step: 'finishing' });
      let saved: Awaited<ReturnType<typeof saveSignedInAccount>>;
      try {
        saved = await saveSignedInAccount(db, account, Date.now());
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
      await signedIn(result.value);
    },
    [signedIn],
  );

  const start = useCallback(
    async (server: string): Promise<void> => {
      setState({ step: 'starting' });
      const begun = await bridge.accounts.beginSignIn({ network, server, accountId });
      if (!begun.ok) {
        setState({ step: 'failed', message: begun.error.message });
        return;
      }
      const { attemptId, mode } = begun.value;
      current.current = attemptId;
      setState({ step: 'waiting', ...begun.value });
      if (mode === 'loopback') await finish(attemptId, null);
    },
    [accountId, finish, network],
  );

  const signInWithAppPassword = useCallback(
    async (request: AppPasswordSignIn): Promise<void> => {
      setState({ step: 'starting' });
      const result = await bridge.accounts.signInWithAppPassword({
        network: 'bluesky',
        ...request,
        accountId,
      });
      if (!result.ok) {
        setState({ step: 'failed', message: result.error.message });
        return;
      }
      await signedIn(result.value);
    },
    [accountId, signedIn],
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

  return {
    state,
    start,
    signInWithAppPassword,
    submitCode,
    cancel,
    reset: () => setState({ step: 'idle' }),
  };
}
