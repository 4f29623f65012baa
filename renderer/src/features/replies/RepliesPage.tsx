import { useNow } from '../../ui/use-now';
import { KeepInTouchList } from '../keep-in-touch/KeepInTouchList';
import { OutboxList } from './OutboxList';
import { WaitingList } from './WaitingList';

/**
 * The user's own work, available between deliveries too: conversations saved for a considered
 * reply (with their drafts), the outbox, and the people the user keeps in touch with. No counts;
 * nothing new from the networks shows here.
 */
export function RepliesPage() {
  const now = useNow(60_000);
  return (
    <main className="app__main replies" aria-label="Replies">
      <WaitingList now={now} />
      <OutboxList />
      <KeepInTouchList now={now} />
    </main>
  );
}
