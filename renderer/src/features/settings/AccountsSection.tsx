import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { Account } from '@shared/domain';
import { NETWORK_NAMES } from '../../accounts/account-mark';
import { removeAccount } from '../../accounts/remove-account';
import { useDatabase } from '../../app/database-context';
import { SKIPPED_KEPT_PER_ACCOUNT, readSyncLogs } from '../../db/repositories/sync-log';
import type { AccountSyncLog } from '../../db/repositories/sync-log';
import { formatFullTime, formatPostTime } from '../../ui/format-time';
import { AddAccount } from './AddAccount';
import { AddBlueskyAccount } from './AddBlueskyAccount';
import { VaultNotice } from './VaultNotice';

/**
 * The accounts Slowpost reads, and how their syncs have gone: when one last went through, the
 * latest failure in words, and the items syncs skipped (could not be read or stored), with why.
 * Accounts are added, signed in to again, and removed here.
 */
export function AccountsSection() {
  const db = useDatabase();
  const logs = useLiveQuery(() => readSyncLogs(db), [db]);
  const headingId = useId();
  const [adding, setAdding] = useState<'mastodon' | 'bluesky' | null>(null);
  if (logs === undefined) return null;
  const now = Date.now();
  return (
    <section className="accounts" aria-labelledby={headingId}>
      <h3 id={headingId}>Accounts</h3>
      <VaultNotice />
      {logs.length === 0 ? <p className="hint">No accounts yet.</p> : null}
      <ul className="accounts__list">
        {logs.map((log) => (
          <AccountSync key={log.account.id} log={log} now={now} />
        ))}
      </ul>
      {adding === 'mastodon' ? (
        <AddAccount onDone={() => setAdding(null)} />
      ) : adding === 'bluesky' ? (
        <AddBlueskyAccount onDone={() => setAdding(null)} />
      ) : (
        <div className="add-account__actions">
          <button type="button" className="button" onClick={() => setAdding('mastodon')}>
            Add a Mastodon account…
          </button>
          <button type="button" className="button" onClick={() => setAdding('bluesky')}>
            Add a Bluesky account…
          </button>
        </div>
      )}
    </section>
  );
}

function AccountSync({ log, now }: { log: AccountSyncLog; now: number }) {
  const { account, lastSucceededAt, lastFailure, skipped } = log;
  const [signingIn, setSigningIn] = useState(false);
  return (
    <li className="account" aria-label={`${NETWORK_NAMES[account.network]}, ${account.handle}`}>
      <p className="account__name">
        <strong>{NETWORK_NAMES[account.network]}</strong> {account.handle}
      </p>
      {account.signInProblem != null ? (
        <p className="account__problem">
          {new URL(account.serverOrigin).host} no longer accepts Slowpost’s sign-in:{' '}
          {account.signInProblem} Nothing is fetched or sent for this account until you sign in
          again; what waits in the outbox is kept.
        </p>
      ) : null}
      <p>
        {lastSucceededAt === null ? (
          'Not synced yet.'
        ) : (
          <>
            Last synced <When at={lastSucceededAt} now={now} />.
          </>
        )}
      </p>
      {lastFailure === null ? null : (
        <p>
          The last sync, <When at={lastFailure.at} now={now} />, did not finish.{' '}
          {lastFailure.reason} It is tried again at the next sync.
        </p>
      )}
      {skipped.length === 0 ? null : (
        <details className="account__skipped">
          <summary>
            {skipped.length === 1 ? '1 item skipped' : `${skipped.length} items skipped`}
          </summary>
          <p className="hint">
            These could not be read or stored; the sync went on without them.
            {skipped.length >= SKIPPED_KEPT_PER_ACCOUNT
              ? ` Only the most recent ${SKIPPED_KEPT_PER_ACCOUNT} are kept.`
              : ''}
          </p>
          <ul>
            {skipped.map((item) => (
              <li key={item.seq}>
                <When at={item.at} now={now} />, {item.itemId ?? 'an item without an id'} —{' '}
                {item.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {signingIn && account.network === 'bluesky' ? (
        <AddBlueskyAccount
          accountId={account.id}
          initialIdentifier={account.handle}
          onDone={() => setSigningIn(false)}
        />
      ) : signingIn ? (
        <AddAccount
          accountId={account.id}
          initialServer={account.serverOrigin}
          onDone={() => setSigningIn(false)}
        />
      ) : null}
      <div className="account__actions">
        {account.network !== 'demo' && !signingIn ? (
          <button
            type="button"
            className={account.signInProblem != null ? 'button button--primary' : 'button'}
            onClick={() => setSigningIn(true)}
          >
            Sign in again…
          </button>
        ) : null}
        <RemoveAccount account={account} />
      </div>
    </li>
  );
}

/** "Remove…", then a plain confirmation saying what goes and what stays. */
function RemoveAccount({ account }: { readonly account: Account }) {
  const db = useDatabase();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<{ message: string; canForce: boolean } | null>(null);
  const remove = (evenIfSignInRemains: boolean): void =>
    void removeAccount(db, account, Date.now(), { evenIfSignInRemains }).then((result) =>
      setProblem(result.ok ? null : result),
    );
  if (!confirming) {
    return (
      <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
        Remove…
      </button>
    );
  }
  return (
    <div className="account__confirm" role="group" aria-label={`Remove ${account.handle}?`}>
      <p>
        {account.network === 'demo'
          ? 'Remove the demo network? Its sample people and conversations are deleted; you can load it again later.'
          : `Remove ${account.handle}? Its conversations, drafts and replies waiting in the outbox are deleted from this computer, and Slowpost forgets its sign-in. Nothing is deleted on ${new URL(account.serverOrigin).host}.`}
      </p>
      {problem !== null ? <p role="alert">{problem.message}</p> : null}
      {problem?.canForce === true ? (
        <button type="button" className="button" onClick={() => remove(true)}>
          Remove it from this computer anyway
        </button>
      ) : (
        <button type="button" className="button" onClick={() => remove(false)}>
          Remove {account.handle}
        </button>
      )}
      <button
        type="button"
        className="button button--quiet"
        autoFocus
        onClick={() => setConfirming(false)}
      >
        Keep it
      </button>
    </div>
  );
}

function When({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatFullTime(at)}>
      {formatPostTime(at, now)}
    </time>
  );
}
