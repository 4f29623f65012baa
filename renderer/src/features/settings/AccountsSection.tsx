import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import type { Network } from '../../../../shared/domain';
import { useDatabase } from '../../app/database-context';
import { SKIPPED_KEPT_PER_ACCOUNT, readSyncLogs } from '../../db/repositories/sync-log';
import type { AccountSyncLog } from '../../db/repositories/sync-log';
import { formatFullTime, formatPostTime } from '../../ui/format-time';

const NETWORK_NAMES: Record<Network, string> = {
  demo: 'Demo network',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
};

/**
 * Each account and how its syncs have gone: when one last went through, the latest failure in
 * words, and the items syncs skipped (could not be read or stored), with why.
 */
export function AccountsSection() {
  const db = useDatabase();
  const logs = useLiveQuery(() => readSyncLogs(db), [db]);
  const headingId = useId();
  if (logs === undefined) return null;
  const now = Date.now();
  return (
    <section className="accounts" aria-labelledby={headingId}>
      <h3 id={headingId}>Accounts</h3>
      {logs.length === 0 ? <p className="hint">No accounts yet.</p> : null}
      <ul className="accounts__list">
        {logs.map((log) => (
          <AccountSync key={log.account.id} log={log} now={now} />
        ))}
      </ul>
    </section>
  );
}

function AccountSync({ log, now }: { log: AccountSyncLog; now: number }) {
  const { account, lastSucceededAt, lastFailure, skipped } = log;
  return (
    <li className="account" aria-label={`${NETWORK_NAMES[account.network]}, ${account.handle}`}>
      <p className="account__name">
        <strong>{NETWORK_NAMES[account.network]}</strong> {account.handle}
      </p>
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
    </li>
  );
}

function When({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatFullTime(at)}>
      {formatPostTime(at, now)}
    </time>
  );
}
