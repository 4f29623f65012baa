import { memo, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Network, NetworkCapabilities, Person, Visibility } from '@shared/domain';
import { VisibilitySchema } from '@shared/domain';
import type { SendMode } from '@shared/settings/setting-definitions';
import type { SentReply } from '@shared/text/form-letter';
import { countForNetwork } from '@shared/text/length-counter';
import type { DraftFields } from '../../db/repositories/replies';
import { formatClockTime } from '../../ui/format-time';
import { DraftSaveStatus } from './DraftSaveStatus';
import { FormLetterCheck } from './FormLetterCheck';
import { LengthCounter } from './LengthCounter';
import { VISIBILITY_LABELS, languageChoices, languageLabel } from './reply-options';
import { createTypedText, lastAnswer } from './typed-text';
import { useTyped } from './use-typed';

/** How the editor names what is written: a reply, or the first message of a new conversation. */
export interface EditorWording {
  /** The form's name ("Your reply"). */
  readonly form: string;
  /** The text field's label, before the recipient's name ("Your reply to"). */
  readonly fieldTo: string;
  /** The send button ("Send reply"). */
  readonly send: string;
}

const REPLY_WORDING: EditorWording = {
  form: 'Your reply',
  fieldTo: 'Your reply to',
  send: 'Send reply',
};

interface Props {
  /** Default: a reply's. */
  readonly wording?: EditorWording;
  /** A line under the options (e.g. what kind of post a new conversation on this network is). */
  readonly optionsNote?: string | null;
  readonly recipientName: string;
  readonly recipientId: string;
  readonly network: Network;
  /** What the account's network lets a reply do: the options offered and the limit counted. */
  readonly capabilities: NetworkCapabilities;
  readonly initial: DraftFields;
  readonly conversationLanguage: string | null;
  /** The draft's key in the keeper (whether it is saved yet). */
  readonly draftKey: string;
  readonly onChange: (fields: DraftFields) => void;
  readonly recentReplies: readonly SentReply[];
  readonly people: ReadonlyMap<string, Person>;
  readonly coolingOffSeconds: number;
  readonly nextDeliveryAt: number | null;
  readonly defaultSendMode: SendMode;
  readonly sendError: string | null;
  readonly onSend: (fields: DraftFields, mode: SendMode) => void;
  /** Throw the draft away (after the user confirmed). */
  readonly onDiscard: () => void;
  readonly now: number;
}

const isEmpty = (text: string): boolean => text.trim() === '';

/**
 * Where the reply is written: the text (spellchecked, in the reply's language), a counter that
 * counts the way the account's network does, only the options that network has (audience,
 * content warning, language), a note when it reads like a form letter, and the three ways to
 * send it.
 *
 * A keystroke writes the draft ahead and draws the counter, and nothing else: the text field is
 * uncontrolled (its text lives in `typed`), the editor draws again only when the text becomes
 * empty or not, or too long or not, and the form-letter check waits for a pause.
 */
export const ReplyEditor = memo(function ReplyEditor(props: Props) {
  const { initial, network, capabilities, onChange } = props;
  const wording = props.wording ?? REPLY_WORDING;
  const [typed] = useState(() => createTypedText(initial.text));
  const [visibility, setVisibility] = useState<Visibility>(initial.visibility);
  const [warningOn, setWarningOn] = useState(initial.contentWarning !== null);
  const [warning, setWarning] = useState(initial.contentWarning ?? '');
  const [language, setLanguage] = useState(initial.language);
  const nextDeliveryPossible = props.nextDeliveryAt !== null;
  const [mode, setMode] = useState<SendMode>(
    props.defaultSendMode === 'next-delivery' && !nextDeliveryPossible
      ? 'cooling-off'
      : props.defaultSendMode,
  );
  const ids = useId();
  // A draft continues where it ends: the caret goes after its text, not before it. The text takes
  // the focus as the editor appears, unless the user is already in another of the composer's
  // fields (the person card can show first): what they type must not land in the reply.
  const textArea = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const area = textArea.current;
    if (area === null) return;
    area.setSelectionRange(area.value.length, area.value.length);
    area.scrollTop = area.scrollHeight;
    if (!userIsElsewhereIn(area.closest('.composer'))) area.focus();
  }, []);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const canWarn = capabilities.contentWarning;
  // The draft's own audience stays offered even where the network would not (an older draft).
  const visibilities = capabilities.visibilities.includes(initial.visibility)
    ? capabilities.visibilities
    : [initial.visibility, ...capabilities.visibilities];
  const { graphemes, charactersPerUrl, bytes } = capabilities.postLimit;

  const fields = (patch: Partial<DraftFields> = {}): DraftFields => ({
    text: typed.get(),
    visibility,
    contentWarning: canWarn && warningOn ? warning : null,
    language,
    ...patch,
  });
  const change = (patch: Partial<DraftFields>): void => onChange(fields(patch));

  const spoilerText = canWarn && warningOn ? warning : null;
  const countOf = useMemo(
    () =>
      lastAnswer((text: string) =>
        countForNetwork(text, network, {
          maxCharacters: graphemes,
          charactersPerUrl,
          maxBytes: bytes,
          ...(spoilerText === null ? {} : { spoilerText }),
        }),
      ),
    [network, graphemes, charactersPerUrl, bytes, spoilerText],
  );
  const empty = useTyped(typed, isEmpty);
  const over = useTyped(typed, (text) => countOf(text).over);

  // The language list is worked out once (naming each language is costly), not per keystroke.
  const languageOptions = useMemo(
    () =>
      languageChoices(initial.language, props.conversationLanguage).map((tag) => (
        <option key={tag} value={tag}>
          {languageLabel(tag)}
        </option>
      )),
    [initial.language, props.conversationLanguage],
  );

  const blocked = empty || over;
  const send = (): void => {
    if (!blocked) props.onSend(fields(), mode);
  };

  return (
    <form
      className="editor"
      aria-label={wording.form}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      // Ctrl/⌘+Enter sends from any of the reply's fields, not only its text.
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          send();
        }
      }}
    >
      <label className="field editor__field">
        <span>
          {wording.fieldTo} {props.recipientName}
        </span>
        <textarea
          ref={textArea}
          className="editor__text"
          rows={10}
          spellCheck
          lang={language ?? undefined}
          defaultValue={initial.text}
          aria-describedby="reply-counter"
          onChange={(event) => {
            const text = event.target.value;
            // Written ahead first (synchronously: it survives a crash from this keystroke on),
            // then the counter.
            change({ text });
            typed.set(text);
          }}
        />
      </label>
      <div className="editor__status">
        <LengthCounter typed={typed} countOf={countOf} />
        <DraftSaveStatus draftKey={props.draftKey} typed={typed} />
      </div>

      <FormLetterCheck
        typed={typed}
        recipientId={props.recipientId}
        recipientName={props.recipientName}
        recentReplies={props.recentReplies}
        people={props.people}
        now={props.now}
      />

      {visibilities.length > 1 || capabilities.language || canWarn ? (
        <fieldset className="editor__options">
          <legend>How it is posted</legend>
          {visibilities.length > 1 ? (
            <label className="field field--inline">
              <span>Who can see it</span>
              <select
                value={visibility}
                onChange={(event) => {
                  const next = VisibilitySchema.parse(event.target.value);
                  setVisibility(next);
                  change({ visibility: next });
                }}
              >
                {visibilities.map((option) => (
                  <option key={option} value={option}>
                    {VISIBILITY_LABELS[option]}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {capabilities.language ? (
            <label className="field field--inline">
              <span>Language</span>
              <select
                value={language ?? ''}
                onChange={(event) => {
                  const next = event.target.value === '' ? null : event.target.value;
                  setLanguage(next);
                  change({ language: next });
                }}
              >
                <option value="">Not set</option>
                {languageOptions}
              </select>
            </label>
          ) : null}
          {canWarn ? (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={warningOn}
                onChange={(event) => {
                  setWarningOn(event.target.checked);
                  change({ contentWarning: event.target.checked ? warning : null });
                }}
              />
              <span>Add a content warning</span>
            </label>
          ) : null}
          {canWarn && warningOn ? (
            <label className="field">
              <span>Content warning</span>
              <input
                type="text"
                value={warning}
                spellCheck
                onChange={(event) => {
                  setWarning(event.target.value);
                  change({ contentWarning: event.target.value });
                }}
              />
            </label>
          ) : null}
          {props.optionsNote == null ? null : <p className="editor__note">{props.optionsNote}</p>}
        </fieldset>
      ) : null}

      <fieldset className="editor__send">
        <legend>When it goes out</legend>
        <label className="radio">
          <input
            type="radio"
            name={`${ids}-mode`}
            checked={mode === 'cooling-off'}
            onChange={() => setMode('cooling-off')}
          />
          <span>In {props.coolingOffSeconds} seconds, so you can still take it back</span>
        </label>
        <label className="radio">
          <input
            type="radio"
            name={`${ids}-mode`}
            checked={mode === 'now'}
            onChange={() => setMode('now')}
          />
          <span>Now</span>
        </label>
        <label className="radio">
          <input
            type="radio"
            name={`${ids}-mode`}
            checked={mode === 'next-delivery'}
            disabled={!nextDeliveryPossible}
            onChange={() => setMode('next-delivery')}
          />
          <span>
            {props.nextDeliveryAt === null
              ? 'With the next delivery (none is scheduled)'
              : `With the next delivery, at ${formatClockTime(props.nextDeliveryAt)}`}
          </span>
        </label>
        {props.sendError !== null ? (
          <p className="editor__error" role="alert">
            {props.sendError}
          </p>
        ) : null}
        <div className="editor__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={blocked}
            aria-keyshortcuts="Control+Enter"
          >
            {wording.send}
          </button>
          {over ? <span className="editor__why">Shorten it to fit before sending.</span> : null}
          {confirmingDiscard ? (
            <span className="editor__discard" role="group" aria-label="Discard this draft?">
              <span>Discard this draft for good?</span>
              <button type="button" className="button" onClick={props.onDiscard}>
                Discard
              </button>
              <button
                type="button"
                className="button button--quiet"
                autoFocus
                onClick={() => setConfirmingDiscard(false)}
              >
                Keep writing
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button button--quiet editor__discard-start"
              disabled={empty}
              onClick={() => setConfirmingDiscard(true)}
            >
              Discard draft…
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
});

/** Whether the user has gone to a field of the composer already (focus is inside it). */
function userIsElsewhereIn(composer: Element | null): boolean {
  const active = document.activeElement;
  return (
    composer !== null && active !== null && active !== document.body && composer.contains(active)
  );
}
