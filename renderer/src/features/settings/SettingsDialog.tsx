import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import type { DesktopHabits } from '@shared/ipc/contract';
import type { ScheduleProblem } from '@shared/schedule';
import { validateSchedule } from '@shared/schedule';
import {
  ReplySetting,
  ScheduleSetting,
  SessionSetting,
} from '@shared/settings/setting-definitions';
import { useDatabase } from '../../app/database-context';
import { bridge } from '../../bridge/bridge';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { currentTimeZone } from '../../deliveries/use-delivery-clock';
import { Dialog } from '../../ui/Dialog';
import { YourDataSection } from '../data/YourDataSection';
import { AccountsSection } from './AccountsSection';
import { DeliveryTimesFields } from './DeliveryTimesFields';
import { DesktopHabitsFields, type HabitsState } from './DesktopHabitsFields';
import { FieldProblem, focusFirstProblem } from './FieldProblem';
import { FocusWeek } from './FocusWeek';
import { FocusWindowsFields } from './FocusWindowsFields';
import { messagesAt, withoutPlaces } from './problem-places';
import { ReplySettingsFields, fromReplyForm, toReplyForm } from './ReplySettingsFields';
import type { ReplyForm } from './ReplySettingsFields';
import { SchedulePresetPicker } from './SchedulePresetPicker';
import { SettingProblemsNotice } from './SettingProblemsNotice';
import type { ScheduleForm, WindowForm } from './schedule-form';
import {
  copyDay,
  daysFrom,
  deliveriesOf,
  explainUnfinished,
  freshKey,
  fromForm,
  toForm,
} from './schedule-form';
import { UnitNumberField } from './UnitNumberField';

interface SessionForm {
  readonly budget: string;
  readonly budgetNotANumber?: boolean;
  readonly showDigest: boolean;
}

/** Everything the Save button saves, as one comparable text (to tell unsaved changes). */
function snapshot(
  form: ScheduleForm | null,
  session: SessionForm,
  replies: ReplyForm,
  habits: DesktopHabits | null,
): string {
  return JSON.stringify([
    form === null ? null : [fromForm(form), form.notifyWhenEmpty],
    session.budget,
    session.showDigest,
    replies.coolingOff,
    replies.mode,
    habits,
  ]);
}

/**
 * The Settings dialog: accounts (which act at once), then the delivery schedule, focus windows,
 * sessions, replies and desktop habits, saved together. Problems are explained in sentences next
 * to their fields, and nothing is saved until everything makes sense. Closing with unsaved
 * changes asks first.
 */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const db = useDatabase();
  const stored = useLiveQuery(() => readSetting(db, ScheduleSetting), [db]);
  const storedSession = useLiveQuery(() => readSetting(db, SessionSetting), [db]);
  const storedReplies = useLiveQuery(() => readSetting(db, ReplySetting), [db]);
  const [form, setForm] = useState<ScheduleForm | null>(null);
  const [sessionForm, setSessionForm] = useState<SessionForm>({ budget: '20', showDigest: true });
  const [budgetProblem, setBudgetProblem] = useState<string | null>(null);
  const [replyForm, setReplyForm] = useState<ReplyForm>(toReplyForm(ReplySetting.defaultValue));
  const [replyProblem, setReplyProblem] = useState<string | null>(null);
  const [habits, setHabits] = useState<HabitsState | null>(null);
  const [problems, setProblems] = useState<readonly ScheduleProblem[]>([]);
  // Counts failed saves: after each, focus goes to the first field with a problem.
  const [failedSaves, setFailedSaves] = useState(0);
  const [notSaved, setNotSaved] = useState<string>('');
  const [baseline, setBaseline] = useState<string | null>(null);
  const [habitsBaseline, setHabitsBaseline] = useState<DesktopHabits | null>(null);
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const keepEditingRef = useRef<HTMLButtonElement>(null);
  const ids = useId();

  useEffect(() => {
    if (failedSaves > 0) focusFirstProblem(formRef.current);
  }, [failedSaves]);

  useEffect(() => {
    if (confirming) keepEditingRef.current?.focus();
  }, [confirming]);

  const loaded = open && stored !== undefined && storedSession !== undefined;
  useEffect(() => {
    if (!open) {
      setConfirming(false);
      setNotSaved('');
      return;
    }
    if (stored === undefined || storedSession === undefined || storedReplies === undefined) return;
    const nextForm = toForm(stored.schedule, stored.notifyWhenEmpty);
    const nextSession = {
      budget: String(storedSession.budgetMinutes),
      showDigest: !storedSession.hideDigest,
    };
    const nextReplies = toReplyForm(storedReplies);
    setForm(nextForm);
    setSessionForm(nextSession);
    setReplyForm(nextReplies);
    setProblems([]);
    setBudgetProblem(null);
    setReplyProblem(null);
    setBaseline(snapshot(nextForm, nextSession, nextReplies, null));
    // Only when the dialog opens: later store changes must not overwrite what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, stored === undefined, storedSession === undefined, storedReplies === undefined]);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setHabits(null);
    setHabitsBaseline(null);
    void bridge.desktop.habits({}).then((answer) => {
      if (cancelled) return;
      if (answer.ok) {
        setHabits({
          form: answer.value.habits,
          openAtLoginSupported: answer.value.openAtLoginSupported,
          problem: answer.value.problem,
        });
        setHabitsBaseline(answer.value.habits);
      } else {
        setHabits({
          form: { openAtLogin: false, startInTray: false },
          openAtLoginSupported: false,
          problem: `Slowpost could not ask for these settings: ${answer.error.message}`,
        });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [open]);

  const dirty =
    baseline !== null &&
    (snapshot(form, sessionForm, replyForm, null) !== baseline ||
      (habits !== null &&
        habitsBaseline !== null &&
        JSON.stringify(habits.form) !== JSON.stringify(habitsBaseline)));

  const requestClose = (): void => {
    if (confirming) setConfirming(false);
    else if (dirty) setConfirming(true);
    else onClose();
  };

  const save = async (): Promise<void> => {
    if (form === null) return;
    const checked = validateSchedule(fromForm(form), { timeZone: currentTimeZone() });
    const budgetText = sessionForm.budget.trim();
    const budget = budgetText === '' ? 0 : Number(budgetText);
    const budgetOk =
      sessionForm.budgetNotANumber !== true &&
      Number.isInteger(budget) &&
      budget >= 0 &&
      budget <= 240;
    setBudgetProblem(
      budgetOk ? null : 'The time budget is a whole number of minutes from 0 (none) to 240.',
    );
    const replies = fromReplyForm(replyForm);
    setReplyProblem(replies.ok ? null : replies.problem);
    if (!checked.ok || !budgetOk || !replies.ok) {
      const scheduleProblems = checked.ok ? [] : explainUnfinished(form, checked.problems);
      setProblems(scheduleProblems);
      const count = scheduleProblems.length + (budgetOk ? 0 : 1) + (replies.ok ? 0 : 1);
      setNotSaved(
        `Not saved: ${count === 1 ? 'one thing needs' : `${count} things need`} a look, shown next to ${count === 1 ? 'its field' : 'their fields'}.`,
      );
      setFailedSaves((n) => n + 1);
      return;
    }
    setNotSaved('');
    await writeSetting(db, ReplySetting, replies.value, Date.now());
    await writeSetting(
      db,
      SessionSetting,
      { budgetMinutes: budget, hideDigest: !sessionForm.showDigest },
      Date.now(),
    );
    await writeSetting(
      db,
      ScheduleSetting,
      { schedule: checked.value, notifyWhenEmpty: form.notifyWhenEmpty },
      Date.now(),
    );
    if (
      habits !== null &&
      habitsBaseline !== null &&
      JSON.stringify(habits.form) !== JSON.stringify(habitsBaseline)
    ) {
      const answer = await bridge.desktop.setHabits(habits.form);
      if (!answer.ok) {
        setHabits({
          ...habits,
          problem: `Your other settings are saved, but these could not be: ${answer.error.message}`,
        });
        setBaseline(snapshot(form, sessionForm, replyForm, null));
        return;
      }
    }
    onClose();
  };

  /** A problem points exactly at `path`, or inside it (`focusWindows[0].days[1]`). */
  const hasProblem = (prefix: string): boolean =>
    problems.some(
      (p) =>
        p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`),
    );
  const hasExactProblem = (path: string): boolean => problems.some((p) => p.path === path);
  const updateWindow = (index: number, key: number, change: Partial<WindowForm>): void => {
    setForm(
      (f) =>
        f && { ...f, windows: f.windows.map((w) => (w.key === key ? { ...w, ...change } : w)) },
    );
    setProblems((now) =>
      withoutPlaces(
        now,
        (place) =>
          place === 'windows' ||
          place === `window:${index}` ||
          place.startsWith(`window:${index}:`),
      ),
    );
  };
  /** Adding or removing a window renumbers them: their problems no longer point anywhere. */
  const forgetWindowProblems = (): void =>
    setProblems((now) =>
      withoutPlaces(now, (place) => place === 'windows' || place.startsWith('window:')),
    );
  /** Changing delivery times may settle a day's problems, and "no deliveries at all". */
  const forgetDayProblems = (days: readonly number[]): void =>
    setProblems((now) =>
      withoutPlaces(
        now,
        (place) =>
          place === 'deliveries' ||
          place === 'windows' ||
          days.some((day) => place === `day:${day}`),
      ),
    );
  const problemId = (place: string): string => `${ids}-problem-${place.replace(/:/g, '-')}`;
  /** aria-describedby for a field whose problems are shown at `place`, if it has any. */
  const describedBy = (place: string): string | undefined =>
    messagesAt(problems, place).length > 0 ? problemId(place) : undefined;
  const problemAt = (place: string, focusable = false) => (
    <FieldProblem
      id={problemId(place)}
      messages={messagesAt(problems, place)}
      focusable={focusable}
    />
  );

  return (
    <Dialog
      open={open}
      title="Settings"
      onClose={onClose}
      wide
      closeLabel="Close settings"
      onRequestClose={requestClose}
    >
      {/* Accounts act at once; the form below is saved with its button. */}
      <AccountsSection />
      <YourDataSection />
      {form === null || !loaded ? null : (
        <form
          ref={formRef}
          className="schedule settings"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <SettingProblemsNotice />
          <fieldset className="settings__section">
            <legend>Delivery times</legend>
            <p className="hint">
              When your deliveries come, day by day. A day with no times is a day off.
            </p>
            <SchedulePresetPicker
              value={{ deliveries: deliveriesOf(form), focusWindows: [] }}
              onChange={(next) => {
                setForm({ ...form, days: daysFrom(next.deliveries) });
                forgetDayProblems([1, 2, 3, 4, 5, 6, 7]);
              }}
            />
            <DeliveryTimesFields
              days={form.days}
              onChange={(days, changed) => {
                setForm({ ...form, days });
                forgetDayProblems(changed);
              }}
              onCopy={(from, to) => {
                setForm(copyDay(form, from, to));
                forgetDayProblems(to);
              }}
              hasProblem={hasExactProblem}
              describedBy={describedBy}
              problemAt={problemAt}
            />
            {problemAt('deliveries', true)}
          </fieldset>
          <fieldset className="settings__section">
            <legend>Focus windows</legend>
            <p className="hint">
              Nothing is delivered or announced inside a focus window; a delivery that falls inside
              one waits until it ends. A window may cross midnight (21:00 until 07:00); until 00:00
              means until midnight.
            </p>
            <FocusWeek windows={form.windows} deliveries={deliveriesOf(form)} />
            <FocusWindowsFields
              windows={form.windows}
              onUpdate={updateWindow}
              onAdd={(window) => {
                forgetWindowProblems();
                setForm({ ...form, windows: [...form.windows, { ...window, key: freshKey() }] });
              }}
              onRemove={(key) => {
                setForm({ ...form, windows: form.windows.filter((w) => w.key !== key) });
                forgetWindowProblems();
              }}
              hasProblem={hasProblem}
              describedBy={describedBy}
              problemAt={problemAt}
            />
            {problemAt('windows', true)}
            <label className="checkbox settings__notify">
              <input
                type="checkbox"
                checked={form.notifyWhenEmpty}
                onChange={(event) => setForm({ ...form, notifyWhenEmpty: event.target.checked })}
              />
              Also announce deliveries that bring nothing
            </label>
          </fieldset>
          <fieldset className="settings__section">
            <legend>Review sessions</legend>
            <UnitNumberField
              label="Time budget"
              accessibleName="Time budget in minutes (0 for none)"
              unit="minutes"
              min={0}
              max={240}
              value={sessionForm.budget}
              hint="A gentle limit for each session, 0 to 240 minutes; 0 for none."
              problem={budgetProblem}
              problemId={problemId('budget')}
              onChange={(budget, notANumber) => {
                setSessionForm({ ...sessionForm, budget, budgetNotANumber: notANumber });
                setBudgetProblem(null);
              }}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={sessionForm.showDigest}
                onChange={(event) =>
                  setSessionForm({ ...sessionForm, showDigest: event.target.checked })
                }
              />
              Show one line for likes, boosts and follows (“7 people appreciated 3 of your posts”)
            </label>
          </fieldset>
          <ReplySettingsFields
            form={replyForm}
            problem={replyProblem}
            problemId={problemId('replies')}
            onChange={(changed) => {
              setReplyForm(changed);
              if (changed.coolingOff !== replyForm.coolingOff) setReplyProblem(null);
            }}
          />
          <DesktopHabitsFields
            state={habits}
            problemId={problemId('habits')}
            onChange={(next) => setHabits((h) => h && { ...h, form: next })}
          />
          {problemAt('general', true)}
          <div className="settings__footer">
            <p className="settings__not-saved" role="status" aria-live="polite">
              {notSaved}
            </p>
            {confirming ? (
              // Keys: React must not turn "Keep editing" into the submit button mid-click.
              <div
                key="confirm"
                className="settings__confirm"
                role="alertdialog"
                aria-labelledby={`${ids}-discard`}
              >
                <p id={`${ids}-discard`}>Discard your changes?</p>
                <button
                  ref={keepEditingRef}
                  type="button"
                  className="button"
                  onClick={() => setConfirming(false)}
                >
                  Keep editing
                </button>
                <button type="button" className="button button--danger" onClick={onClose}>
                  Discard changes
                </button>
              </div>
            ) : (
              <div key="actions" className="dialog__actions">
                <button type="button" className="button" onClick={requestClose}>
                  Cancel
                </button>
                <button type="submit" className="button button--primary">
                  Save settings
                </button>
              </div>
            )}
          </div>
        </form>
      )}
    </Dialog>
  );
}
