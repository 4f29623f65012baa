import { ArrowLeft } from 'lucide-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Person } from '@shared/domain';
import { newConversationDraftId } from '@shared/domain/draft';
import { draftWriteAheadKey } from '@shared/drafts/write-ahead-entry';
import { sendTiming } from '@shared/outbox/send-timing';
import { ReplySetting, type SendMode } from '@shared/settings/setting-definitions';
import { nameOf } from '@shared/threads/thread-labels';
import { NETWORK_NAMES } from '../../accounts/account-mark';
import { useDatabase } from '../../app/database-context';
import { useDraftKeeper } from '../../drafts/draft-keeper-context';
import { useKeptWriting } from '../../drafts/use-kept-writing';
import { recentReplies } from '../../db/repositories/composer-context';
import {
  loadNewConversationContext,
  newConversationDraftVersion,
  type NewConversationContext,
} from '../../db/repositories/new-conversation';
import { queueNewConversation } from '../../db/repositories/new-conversation';
import { discardDraft, type DraftFields } from '../../db/repositories/replies';
import { readSetting } from '../../db/repositories/settings';
import { useOutbox } from '../../outbox/outbox-context';
import { useUiStore } from '../../state/ui-store';
import { NetworkGlyph } from '../../ui/NetworkGlyph';
import { SendNotice } from '../replies/SendNotice';
import { PersonCard } from './PersonCard';
import { capabilitiesOf } from './post-limit';
import { ReplyEditor, type EditorWording } from './ReplyEditor';
import { VISIBILITY_LABELS } from './reply-options';
import { DRAFT_SAVE_DELAY_MS } from './use-draft-autosave';

const NO_PEOPLE: ReadonlyMap<string, Person> = new Map();

const WORDING: EditorWording = {
  form: 'Your message',
  fieldTo: 'Your message to',
  send: 'Send message',
};

/**
 * The composer for writing to someone first (`write=<person id>`): a new conversation from the
 * account that knows them, a mention on their network or a direct message where it has them,
 * with the same drafts, form-letter check, send modes and outbox as a reply. Everything it reads
 * is local, so it works the same offline. Escape (or "Back") leaves with the draft kept.
 */
export function NewConversationScreen({ personId }: { readonly personId: string }) {
  const db = useDatabase();
  const close = useUiStore((s) => s.closeComposer);
  const keeper = useDraftKeeper();
  const [loaded, setLoaded] = useState<NewConversationContext | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    const load = async (): Promise<void> => {
      // What was written ahead and is not in the store yet (a reload, a crash) is stored first.
      await keeper.storeAll();
      const context = await loadNewConversationContext(
        db,
        personId,
        (account) => capabilitiesOf(account).visibilities,
      );
      if (cancelled) return;
      const unstored = keeper.unstored(draftWriteAheadKey(newConversationDraftId(personId)));
      setLoaded(
        context === null || unstored?.kind !== 'draft'
          ? context
          : {
              ...context,
              initial: {
                text: unstored.text,
                visibility: unstored.visibility,
                contentWarning: unstored.contentWarning,
                language: unstored.language,
              },
            },
      );
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [db, keeper, personId]);

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
      <main className="composer composer--missing" aria-label="New conversation">
        <p>This person is no longer on this computer, so there is no one to write to.</p>
        <button type="button" className="button" onClick={close}>
          Back
        </button>
      </main>
    );
  }
  if (loaded === undefined) {
    return <main className="composer" aria-label="New conversation" aria-busy="true" />;
  }
  return <NewConversation loaded={loaded} />;
}

function NewConversation({ loaded }: { readonly loaded: NewConversationContext }) {
  const db = useDatabase();
  const outbox = useOutbox();
  const close = useUiStore((s) => s.closeComposer);
  const openComposer = useUiStore((s) => s.openComposer);
  const setQueued = useUiStore((s) => s.setQueued);
  const nextDeliveryAt = useUiStore((s) => s.clock?.nextDeliveryAt ?? null);
  const { person, account, choices } = loaded;
  const name = nameOf(person);
  const draftId = newConversationDraftId(person.id);
  const [sendError, setSendError] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  const capabilities = useMemo(() => capabilitiesOf(account), [account]);

  const toEntry = useCallback(
    (fields: DraftFields, at: number) => newConversationDraftVersion(person, fields, at),
    [person],
  );
  const { changed, flush, forget } = useKeptWriting(
    draftWriteAheadKey(draftId),
    toEntry,
    DRAFT_SAVE_DELAY_MS,
  );

  const settings = useLiveQuery(() => readSetting(db, ReplySetting), [db]);
  const replies = useLiveQuery(() => recentReplies(db, account.id, Date.now()), [db, account.id]);
  const people = useLiveQuery(async () => {
    const ids = [...new Set((replies ?? []).map((r) => r.recipientId))];
    const found = await db.people.bulkGet(ids);
    return new Map(found.filter((p): p is Person => p !== undefined).map((p) => [p.id, p]));
  }, [db, replies]);

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
        const entry = await queueNewConversation(db, person, fields, {
          now: at,
          sendAfter: timing.sendAfter,
        });
        // The message is in the outbox now: what was written ahead must not bring the draft back.
        await forget();
        outbox.kick();
        setQueued({ entryId: entry.id, recipientName: name, threadBefore: null });
        close();
      } catch (error) {
        setSendError(
          `Could not put the message in the outbox: ${error instanceof Error ? error.message : String(error)}. Your draft is kept.`,
        );
      }
    },
    [settings, nextDeliveryAt, flush, forget, db, person, outbox, setQueued, name, close],
  );
  const onSend = useCallback(
    (fields: DraftFields, mode: SendMode) => void send(fields, mode),
    [send],
  );
  const onDiscard = useCallback((): void => {
    void (async () => {
      await forget();
      await discardDraft(db, draftId);
      close();
    })();
  }, [forget, db, draftId, close]);

  const network = account.network;
  const optionsNote =
    network === 'bluesky'
      ? `A public post that mentions ${name}. Slowpost cannot send Bluesky direct messages yet.`
      : `It starts with ${person.handle}, so ${name} is told of it; “${VISIBILITY_LABELS.direct}” makes it a direct message.`;

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
        <h1 className="composer__title">Write to {name}</h1>
        {choices.length > 1 ? (
          <label className={`composer__from account-mark--${network}`}>
            <NetworkGlyph network={network} />
            <span>Writing as</span>
            <select
              value={person.id}
              onChange={(event) => openComposer(newConversationDraftId(event.target.value))}
            >
              {choices.map((choice) => (
                <option key={choice.person.id} value={choice.person.id}>
                  {choice.account.handle} on {NETWORK_NAMES[choice.account.network]}
                  {choice === choices[0] ? ' (latest contact)' : ''}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className={`composer__from account-mark--${network}`}>
            <NetworkGlyph network={network} />
            <span>
              Writing as <strong>{account.handle}</strong> on {NETWORK_NAMES[network]}
            </span>
          </p>
        )}
      </header>
      <div className="composer__body composer__body--new">
        <main className="composer__main">
          {settings === undefined || replies === undefined ? null : (
            <ReplyEditor
              wording={WORDING}
              optionsNote={optionsNote}
              recipientName={name}
              recipientId={person.id}
              network={network}
              capabilities={capabilities}
              initial={loaded.initial}
              conversationLanguage={null}
              draftKey={draftWriteAheadKey(draftId)}
              onChange={changed}
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
        <PersonCard person={person} threadId={draftId} now={now} />
      </div>
      <SendNotice docked />
    </div>
  );
}
