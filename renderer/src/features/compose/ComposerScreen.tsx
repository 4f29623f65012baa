import { ArrowLeft } from 'lucide-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Person } from '@shared/domain';
import { personOfNewConversationDraft } from '@shared/domain/draft';
import { draftWriteAheadKey } from '@shared/drafts/write-ahead-entry';
import { sendTiming } from '@shared/outbox/send-timing';
import { ReplySetting, type SendMode } from '@shared/settings/setting-definitions';
import { nameOf } from '@shared/threads/thread-labels';
import { useDatabase } from '../../app/database-context';
import { useDraftKeeper } from '../../drafts/draft-keeper-context';
import { withUnstoredWriting } from '../../drafts/unstored-overlay';
import {
  loadReplyContext,
  recentReplies,
  screenedOutPostIds,
  type ReplyContext,
} from '../../db/repositories/composer-context';
import { discardDraft, queueDraft, type DraftFields } from '../../db/repositories/replies';
import { setThreadTriage } from '../../db/repositories/triage-actions';
import { readSetting } from '../../db/repositories/settings';
import { useOutbox } from '../../outbox/outbox-context';
import { useUiStore } from '../../state/ui-store';
import { SendNotice } from '../replies/SendNotice';
import { ThreadView } from '../thread/ThreadView';
import { PersonCard } from './PersonCard';
import { capabilitiesOf } from './post-limit';
import { NETWORK_NAMES } from '../../accounts/account-mark';
import { NetworkGlyph } from '../../ui/NetworkGlyph';
import { NewConversationScreen } from './NewConversationScreen';
import { ReplyEditor } from './ReplyEditor';
import { useDraftAutosave } from './use-draft-autosave';

type Loaded = ReplyContext;

const NO_PEOPLE: ReadonlyMap<string, Person> = new Map();

/**
 * The composer on a draft: a reply to a post (its id), or a new conversation with someone
 * (`write:<person id>`, see `NewConversationScreen`).
 */
export function ComposerScreen({ draftId }: { readonly draftId: string }) {
  const personId = personOfNewConversationDraft(draftId);
  return personId === null ? (
    <ReplyComposerScreen postId={draftId} />
  ) : (
    <NewConversationScreen personId={personId} />
  );
}

/**
 * The full-window, distraction-free composer: the conversation on one side, the person on the
 * other, the reply in the middle, and nothing else. Everything it reads is local, so it works
 * the same offline. Escape (or "Back") leaves with the draft kept.
 */
function ReplyComposerScreen({ postId }: { readonly postId: string }) {
  const db = useDatabase();
  const close = useUiStore((s) => s.closeComposer);
  const keeper = useDraftKeeper();
  // Read once when the composer opens (not watched): the editor owns the text from then on.
  // Whatever was written ahead and is not in the store yet (a reload, a crash) is stored first;
  // what the store still cannot take opens as it was typed.
  const [loaded, setLoaded] = useState<Loaded | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    const load = async (): Promise<void> => {
      await keeper.storeAll();
      const context = await loadReplyContext(db, postId);
      if (!cancelled) setLoaded(context === null ? null : withUnstoredWriting(context, keeper));
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [db, keeper, postId]);

  // Focus goes back where it was when the composer closes (it was opened from there).
  useEffect(() => {
    const before = document.activeElement;
    return () => {
      if (before instanceof HTMLElement && before !== document.body)
        window.requestAnimationFrame(() => before.isConnected && before.focus());
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        close();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);

  if (loaded === null) {
    return (
      <main className="composer composer--missing" aria-label="Reply">
        <p>This post is no longer on this computer, so there is nothing to answer.</p>
        <button type="button" className="button" onClick={close}>
          Back
        </button>
      </main>
    );
  }
  if (loaded === undefined) {
    return <main className="composer" aria-label="Reply" aria-busy="true" />;
  }
  return <Composer loaded={loaded} />;
}

function Composer({ loaded }: { readonly loaded: Loaded }) {
  const db = useDatabase();
  const outbox = useOutbox();
  const close = useUiStore((s) => s.closeComposer);
  const setQueued = useUiStore((s) => s.setQueued);
  const nextDeliveryAt = useUiStore((s) => s.clock?.nextDeliveryAt ?? null);
  const { answering, account, author } = loaded;
  const recipientName = author === undefined ? 'them' : nameOf(author);
  const autosave = useDraftAutosave(answering);
  const [sendError, setSendError] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  const capabilities = useMemo(() => capabilitiesOf(account), [account]);

  const settings = useLiveQuery(() => readSetting(db, ReplySetting), [db]);
  const replies = useLiveQuery(
    () => recentReplies(db, answering.accountId, Date.now()),
    [db, answering.accountId],
  );
  const people = useLiveQuery(async () => {
    const ids = [...new Set((replies ?? []).map((r) => r.recipientId))];
    const found = await db.people.bulkGet(ids);
    return new Map(found.filter((p): p is Person => p !== undefined).map((p) => [p.id, p]));
  }, [db, replies]);
  const hidden = useLiveQuery(
    () => screenedOutPostIds(db, answering.threadId),
    [db, answering.threadId],
  );

  // Kept the same from render to render (with what they use), so the editor is drawn again only
  // when what it shows changes.
  const { flush, forget } = autosave;
  const send = useCallback(
    async (fields: DraftFields, mode: SendMode): Promise<void> => {
      if (settings === undefined) return;
      const at = Date.now();
      const timing = sendTiming(mode, {
        now: at,
        coolingOffSeconds: settings.coolingOffSeconds,
        nextDeliveryAt,
      });
      if (!timing.ok) {
        setSendError(timing.reason);
        return;
      }
      try {
        await flush();
        const entry = await queueDraft(db, answering, fields, {
          now: at,
          sendAfter: timing.sendAfter,
        });
        // The reply is in the outbox now: what was written ahead must not bring the draft back.
        await forget();
        outbox.kick();
        const thread = await db.threads.get(answering.threadId);
        if (thread !== undefined && thread.triage !== 'done') {
          await setThreadTriage(db, thread.id, 'done', at);
        }
        setQueued({
          entryId: entry.id,
          recipientName,
          threadBefore:
            thread === undefined
              ? null
              : { threadId: thread.id, triage: thread.triage, triagedAt: thread.triagedAt },
        });
        close();
      } catch (error) {
        setSendError(
          `Could not put the reply in the outbox: ${error instanceof Error ? error.message : String(error)}. Your draft is kept.`,
        );
      }
    },
    [
      settings,
      nextDeliveryAt,
      flush,
      forget,
      db,
      answering,
      outbox,
      setQueued,
      recipientName,
      close,
    ],
  );
  const onSend = useCallback(
    (fields: DraftFields, mode: SendMode) => void send(fields, mode),
    [send],
  );

  const onDiscard = useCallback((): void => {
    void (async () => {
      // What was written ahead is forgotten first, so nothing brings the draft back.
      await forget();
      await discardDraft(db, answering.id);
      close();
    })();
  }, [forget, db, answering.id, close]);

  return (
    <div className="composer">
      <header className="composer__bar">
        <button
          type="button"
          className="button button--quiet"
          onClick={close}
          aria-keyshortcuts="Escape"
        >
          <ArrowLeft className="icon" aria-hidden="true" />
          Back
        </button>
        <h1 className="composer__title">Reply to {recipientName}</h1>
        {account === undefined ? null : (
          <p className={`composer__from account-mark--${account.network}`}>
            <NetworkGlyph network={account.network} />
            <span>
              Replying as <strong>{account.handle}</strong> on {NETWORK_NAMES[account.network]}
            </span>
          </p>
        )}
      </header>
      <div className="composer__body">
        <aside className="composer__thread" aria-label="The conversation">
          {hidden === undefined ? null : (
            <ThreadView
              threadId={answering.threadId}
              now={now}
              hiddenPostIds={hidden}
              answeringPostId={answering.id}
            />
          )}
        </aside>
        <main className="composer__main">
          {settings === undefined || replies === undefined ? null : (
            <ReplyEditor
              recipientName={recipientName}
              recipientId={answering.authorId}
              network={account?.network ?? 'demo'}
              capabilities={capabilities}
              initial={loaded.initial}
              conversationLanguage={answering.language}
              draftKey={draftWriteAheadKey(answering.id)}
              onChange={autosave.changed}
              recentReplies={replies}
              people={people ?? NO_PEOPLE}
              coolingOffSeconds={settings.coolingOffSeconds}
              nextDeliveryAt={nextDeliveryAt}
              defaultSendMode={settings.defaultSendMode}
              sendError={sendError}
              onSend={onSend}
              onDiscard={onDiscard}
              now={now}
            />
          )}
        </main>
        {author !== undefined ? (
          <PersonCard person={author} threadId={answering.threadId} now={now} />
        ) : null}
      </div>
      <SendNotice docked />
    </div>
  );
}
