import { Clock, HardDrive, Send } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  DELIVERY_PRESETS,
  FOCUS_PRESETS,
  scheduleFromPresets,
  type DeliveryPreset,
  type FocusPreset,
} from '@shared/schedule/schedule-presets';
import { useDatabase } from '../../app/database-context';
import { answerWelcome, needsWelcome, type WelcomeAnswer } from '../../app/prepare-store';
import { ImportFileButton } from '../data/ImportFileButton';
import { useUiStore } from '../../state/ui-store';
import { scheduleSummary } from './welcome-summary';

type Choice = WelcomeAnswer['choice'];

/**
 * The very first open: the idea in one screen, a schedule from presets, then the demo or an
 * account. Skip (or Escape) keeps the default schedule and opens the demo. Shown while startup
 * waits in its `welcome` phase; answering lets startup go on.
 */
export function Welcome({ onConnect }: { onConnect: () => void }) {
  const db = useDatabase();
  const open = useUiStore((s) => s.startup.phase === 'welcome');
  const setStartup = useUiStore((s) => s.setStartup);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const answered = useRef(false);
  const ids = useId();
  const [deliveryId, setDeliveryId] = useState<DeliveryPreset['id']>('three-a-day');
  const [focusIds, setFocusIds] = useState<readonly FocusPreset['id'][]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const schedule = useMemo(() => {
    const delivery = DELIVERY_PRESETS.find((p) => p.id === deliveryId) ?? DELIVERY_PRESETS[0];
    if (delivery === undefined) throw new Error('There are no delivery presets.');
    return scheduleFromPresets(
      delivery,
      FOCUS_PRESETS.filter((p) => focusIds.includes(p.id)),
    );
  }, [deliveryId, focusIds]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      answered.current = false;
      dialog.showModal();
      // Start at the heading, so the screen is read from the top; Tab goes on to the choices.
      headingRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const answer = async (choice: Choice): Promise<void> => {
    if (answered.current) return;
    answered.current = true;
    try {
      await answerWelcome(
        db,
        { choice, schedule: choice === 'skipped' ? null : schedule },
        Date.now(),
      );
      setProblem(null);
      setStartup('opening');
      if (choice === 'account') onConnect();
    } catch (error) {
      answered.current = false;
      // Escape may have closed the dialog already: it stays up until the choice is stored.
      if (dialogRef.current?.open === false) dialogRef.current.showModal();
      setProblem(
        `Slowpost could not store your choice: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  /** Everything came from the file, the welcome's answer too (or, from an early export, Skip). */
  const afterImport = async (): Promise<void> => {
    if (answered.current) return;
    answered.current = true;
    if (await needsWelcome(db)) {
      await answerWelcome(db, { choice: 'skipped', schedule: null }, Date.now());
    }
    setStartup('opening');
  };

  const toggleFocus = (id: FocusPreset['id'], on: boolean): void =>
    setFocusIds((now) => (on ? [...now.filter((x) => x !== id), id] : now.filter((x) => x !== id)));

  return (
    <dialog
      ref={dialogRef}
      className="welcome"
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        // Escape is Skip.
        event.preventDefault();
        void answer('skipped');
      }}
      onClose={() => void answer('skipped')}
    >
      {open ? (
        <form
          className="welcome__form"
          onSubmit={(event) => {
            event.preventDefault();
            void answer('demo');
          }}
        >
          <h2 id={`${ids}-title`} ref={headingRef} tabIndex={-1} className="welcome__title">
            Welcome to Slowpost
          </h2>
          <p className="welcome__lead">
            Your Mastodon and Bluesky conversations, delivered like the post — so you can answer
            people with care and then get on with your day.
          </p>
          <ul className="welcome__ideas">
            <li>
              <Clock aria-hidden="true" className="welcome__icon" />
              <span>
                Deliveries come a few times a day, never inside your focus windows. In between, the
                inbox is closed.
              </span>
            </li>
            <li>
              <HardDrive aria-hidden="true" className="welcome__icon" />
              <span>
                Conversations live on this computer: reading and writing never wait for the network.
              </span>
            </li>
            <li>
              <Send aria-hidden="true" className="welcome__icon" />
              <span>
                Replies wait in an outbox and go out once, when you are online — even those written
                on a train.
              </span>
            </li>
          </ul>

          <div className="welcome__choices">
            <fieldset className="welcome__group">
              <legend>When should deliveries come?</legend>
              {DELIVERY_PRESETS.map((preset) => (
                <label key={preset.id} className="welcome__option">
                  <input
                    type="radio"
                    name={`${ids}-delivery`}
                    value={preset.id}
                    checked={deliveryId === preset.id}
                    onChange={() => setDeliveryId(preset.id)}
                    aria-describedby={`${ids}-${preset.id}`}
                  />
                  <span>
                    <span className="welcome__option-name">{preset.name}</span>
                    <span id={`${ids}-${preset.id}`} className="welcome__option-hint">
                      {preset.description}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
            <fieldset className="welcome__group">
              <legend>Focus windows (optional)</legend>
              {FOCUS_PRESETS.map((preset) => (
                <label key={preset.id} className="welcome__option">
                  <input
                    type="checkbox"
                    checked={focusIds.includes(preset.id)}
                    onChange={(event) => toggleFocus(preset.id, event.target.checked)}
                    aria-describedby={`${ids}-${preset.id}`}
                  />
                  <span>
                    <span className="welcome__option-name">{preset.name}</span>
                    <span id={`${ids}-${preset.id}`} className="welcome__option-hint">
                      {preset.description}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          </div>
          <p className="welcome__result" role="status">
            {scheduleSummary(schedule)}{' '}
            <span className="welcome__later">You can change this any time in Settings.</span>
          </p>
          {problem === null ? null : (
            <p className="welcome__problem" role="alert">
              {problem}
            </p>
          )}
          <div className="welcome__actions">
            <button
              type="button"
              className="button button--quiet welcome__skip"
              onClick={() => void answer('skipped')}
            >
              Skip
            </button>
            <button type="button" className="button" onClick={() => void answer('account')}>
              Connect an account…
            </button>
            <button type="submit" className="button button--primary">
              Explore the demo
            </button>
          </div>
          <div className="welcome__import">
            <p className="hint">Moving from another computer?</p>
            <ImportFileButton
              label="Import a Slowpost export…"
              onImported={() => void afterImport()}
            />
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
