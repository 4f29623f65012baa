import { useId, useState } from 'react';
import { useAddAccount } from '../../accounts/use-add-account';
import { bridge } from '../../bridge/bridge';
import {
  appPasswordRequest,
  blueskyFormHint,
  browserSignInServer,
  offersNoBrowserSignIn,
} from './bluesky-form';

/**
 * Connecting a Bluesky account (or signing in again to one) with an app password: a password
 * made for Slowpost alone, which main uses once to sign in and never stores. Where the user's
 * server offers it, signing in through the browser instead. Errors are main's sentences, as they
 * are.
 */
export function AddBlueskyAccount({
  accountId = null,
  initialIdentifier = '',
  onDone,
}: {
  /** Sign in again to this account instead of adding one. */
  readonly accountId?: string | null;
  readonly initialIdentifier?: string;
  readonly onDone?: () => void;
}) {
  const flow = useAddAccount(accountId, 'bluesky');
  const [identifier, setIdentifier] = useState(initialIdentifier);
  const [appPassword, setAppPassword] = useState('');
  const [server, setServer] = useState('');
  const ids = useId();
  const { state } = flow;
  const input = { identifier, appPassword, server };
  const request = appPasswordRequest(input);
  const hint = blueskyFormHint(input);
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
    const host = new URL(state.server).host;
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
      </div>
    );
  }

  const submit = (): void => {
    if (request !== null && !busy) void flow.signInWithAppPassword(request);
  };
  const onEnter = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      className="add-account"
      aria-labelledby={`${ids}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p id={`${ids}-title`} className="add-account__title">
        {accountId === null ? 'Add a Bluesky account' : 'Sign in again to Bluesky'}
      </p>
      <label className="field">
        <span>Your handle or email</span>
        <input
          type="text"
          value={identifier}
          placeholder="alice.bsky.social"
          autoComplete="username"
          spellCheck={false}
          onChange={(event) => setIdentifier(event.target.value)}
          onKeyDown={onEnter}
        />
      </label>
      <label className="field">
        <span>App password</span>
        <input
          type="password"
          value={appPassword}
          placeholder="abcd-efgh-ijkl-mnop"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${ids}-what`}
          onChange={(event) => setAppPassword(event.target.value)}
          onKeyDown={onEnter}
        />
      </label>
      <div id={`${ids}-what`} className="hint add-account__explain">
        <p>
          An app password is a password you make for one app only. Slowpost can read and reply with
          it, but it cannot change your account or your real password, and you can revoke it at any
          time.
        </p>
        <p>
          To make one, open the Bluesky app and go to{' '}
          <strong>Settings → Privacy and security → App passwords</strong>, then add one named
          “Slowpost” and paste it here. Slowpost uses it once to sign in and does not keep it.
        </p>
      </div>
      {hint === null ? null : <p className="hint add-account__hint">{hint}</p>}
      <details className="add-account__code">
        <summary>Is your account on your own server?</summary>
        <label className="field">
          <span>Your server (optional)</span>
          <input
            type="text"
            value={server}
            placeholder="pds.example.com"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setServer(event.target.value)}
            onKeyDown={onEnter}
          />
        </label>
        <p className="hint">
          Leave it empty for bsky.social, or when your handle already leads to your server.
        </p>
      </details>
      {state.step === 'failed' ? (
        <div role="alert" className="problems">
          <p>{state.message}</p>
          {offersNoBrowserSignIn(state.message) ? (
            <p>Sign in with an app password above instead; it works with every Bluesky server.</p>
          ) : null}
        </div>
      ) : null}
      <div className="add-account__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || request === null}
        >
          {state.step === 'finishing' ? 'Connecting…' : 'Sign in'}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          aria-describedby={`${ids}-browser`}
          onClick={() => void flow.start(browserSignInServer(input))}
        >
          Sign in in the browser instead
        </button>
      </div>
      <p id={`${ids}-browser`} className="hint add-account__browser">
        Your browser opens your server’s own sign-in page, where servers that offer it let you sign
        in without an app password.
      </p>
    </form>
  );
}
