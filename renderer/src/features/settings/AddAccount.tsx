import { useId, useState } from 'react';
import { useAddAccount } from '../../accounts/use-add-account';
import { bridge } from '../../bridge/bridge';

/**
 * Connecting a Mastodon account (or signing in again to one): the user names their server; their
 * own browser opens at the server's sign-in page; Slowpost never sees their password, and keeps
 * the token out of the page. Where the browser cannot come back to Slowpost by itself, the server
 * shows a code to paste here.
 */
export function AddAccount({
  accountId = null,
  initialServer = '',
  onDone,
}: {
  /** Sign in again to this account instead of adding one. */
  readonly accountId?: string | null;
  readonly initialServer?: string;
  readonly onDone?: () => void;
}) {
  const flow = useAddAccount(accountId);
  const [server, setServer] = useState(initialServer);
  const [code, setCode] = useState('');
  const ids = useId();
  const { state } = flow;
  const host = state.step === 'waiting' ? new URL(state.server).host : '';
  const busy = state.step === 'starting' || state.step === 'finishing';

  if (state.step === 'connected') {
    return (
      <div className="add-account" role="status">
        <p>
          {state.isNew
            ? `Connected ${state.account.handle}. Its conversations arrive with your deliveries.`
            : `Signed in again to ${state.account.handle}.`}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            flow.reset();
            onDone?.();
          }}
        >
          Done
        </button>
      </div>
    );
  }

  if (state.step === 'waiting') {
    return (
      <div className="add-account" role="group" aria-label={`Signing in on ${host}`}>
        <p role="status">
          Finish signing in on {host} in your browser. Slowpost is waiting for it; your password
          stays with {host}.
        </p>
        <div className="add-account__actions">
          <button
            type="button"
            className="button"
            onClick={() => void bridge.links.openExternal({ url: state.authorizeUrl })}
          >
            Open the sign-in page again
          </button>
          <button type="button" className="button button--quiet" onClick={() => void flow.cancel()}>
            Cancel
          </button>
        </div>
        <details className="add-account__code" open={state.mode === 'paste-code'}>
          <summary>Did {host} show you a code instead?</summary>
          <label className="field">
            <span>Code from {host}</span>
            <input
              type="text"
              value={code}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setCode(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && code.trim() !== '') {
                  event.preventDefault();
                  void flow.submitCode(code);
                }
              }}
            />
          </label>
          <button
            type="button"
            className="button"
            disabled={code.trim() === ''}
            onClick={() => void flow.submitCode(code)}
          >
            Use this code
          </button>
        </details>
      </div>
    );
  }

  return (
    <div className="add-account" role="group" aria-labelledby={`${ids}-title`}>
      <p id={`${ids}-title`} className="add-account__title">
        {accountId === null ? 'Add a Mastodon account' : 'Sign in again'}
      </p>
      <label className="field">
        <span>Your Mastodon server or address</span>
        <input
          type="text"
          value={server}
          placeholder="mastodon.social or @you@example.social"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${ids}-hint`}
          onChange={(event) => setServer(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && server.trim() !== '') {
              event.preventDefault();
              void flow.start(server);
            }
          }}
        />
      </label>
      <p id={`${ids}-hint`} className="hint">
        Your browser opens your server’s own sign-in page. Slowpost never sees your password.
      </p>
      {state.step === 'failed' ? (
        <p role="alert" className="problems">
          {state.message}
        </p>
      ) : null}
      <button
        type="button"
        className="button button--primary"
        disabled={busy || server.trim() === ''}
        onClick={() => void flow.start(server)}
      >
        {state.step === 'finishing' ? 'Connecting…' : 'Sign in…'}
      </button>
    </div>
  );
}
