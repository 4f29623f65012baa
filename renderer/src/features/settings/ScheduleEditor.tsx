import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import type { IsoWeekday } from '../../../../shared/schedule';
import { ISO_WEEKDAYS, validateSchedule, weekdayName } from '../../../../shared/schedule';
import type { ScheduleProblem } from '../../../../shared/schedule';
import {
  ReplySetting,
  ScheduleSetting,
  SessionSetting,
} from '../../../../shared/settings/setting-definitions';
import { useDatabase } from '../../app/database-context';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { SettingProblemsNotice } from './SettingProblemsNotice';
import { currentTimeZone } from '../../deliveries/use-delivery-clock';
import { Dialog } from '../../ui/Dialog';
import { AccountsSection } from './AccountsSection';
import { ReplySettingsFields, fromReplyForm, toReplyForm } from './ReplySettingsFields';
import type { ReplyForm } from './ReplySettingsFields';
import type { ScheduleForm, WindowForm } from './schedule-form';
import { fromForm, toForm } from './schedule-form';
import { FieldProblem, focusFirstProblem } from './FieldProblem';
import { messagesAt, withoutPlaces } from './problem-places';

/**
 * When deliveries come, per weekday, and the focus windows in which nothing may. Problems are
 * explained in sentences; nothing is saved until the schedule makes sense.
 */
export function ScheduleEditor({ open, onClose }: { open: boolean; onClose: () => void }) {
  const db = useDatabase();
  const stored = useLiveQuery(() => readSetting(db, ScheduleSetting), [db]);
  const storedSession = useLiveQuery(() => readSetting(db, SessionSetting), [db]);
  const [form, setForm] = useState<ScheduleForm | null>(null);
  const [sessionForm, setSessionForm] = useState({ budget: '20', showDigest: true });
  const [budgetProblem, setBudgetProblem] = useState<string | null>(null);
  const storedReplies = useLiveQuery(() => readSetting(db, ReplySetting), [db]);
  const [replyForm, setReplyForm] = useState<ReplyForm>(toReplyForm(ReplySetting.defaultValue));
  const [replyProblem, setReplyProblem] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly ScheduleProblem[]>([]);
  // Counts failed saves: after each, focus goes to the first field with a problem.
  const [failedSaves, setFailedSaves] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = useId();

  useEffect(() => {
    if (failedSaves > 0) focusFirstProblem(formRef.current);
  }, [failedSaves]);

  useEffect(() => {
    if (open && stored !== undefined && storedSession !== undefined) {
      setForm(toForm(stored.schedule, stored.notifyWhenEmpty));
      setSessionForm({
        budget: String(storedSession.budgetMinutes),
        showDigest: !storedSession.hideDigest,
      });
      setProblems([]);
      setBudgetProblem(null);
    }
    if (open && storedReplies !== undefined) {
      setReplyForm(toReplyForm(storedReplies));
      setReplyProblem(null);
    }
    // Only when the dialog opens: later store changes must not overwrite what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, stored === undefined, storedSession === undefined, storedReplies === undefined]);

  const save = async (): Promise<void> => {
    if (form === null) return;
    const checked = validateSchedule(fromForm(form), { timeZone: currentTimeZone() });
    const budget = sessionForm.budget.trim() === '' ? 0 : Number(sessionForm.budget);
    const budgetOk = Number.isInteger(budget) && budget >= 0 && budget <= 240;
    setBudgetProblem(
      budgetOk ? null : 'The time budget is a whole number of minutes from 0 (none) to 240.',
    );
    const replies = fromReplyForm(replyForm);
    setReplyProblem(replies.ok ? null : replies.problem);
    if (!checked.ok || !budgetOk || !replies.ok) {
      setProblems(checked.ok ? [] : checked.problems);
      setFailedSaves((n) => n + 1);
      return;
    }
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
    onClose();
  };

  const invalid = (prefix: string): boolean =>
    problems.some(
      (p) =>
        p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`),
    );
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
    <Dialog open={open} title="Settings" onClose={onClose} wide>
      {/* Accounts act at once; the form below is saved with its button. */}
      <AccountsSection />
      {form === null ? null : (
        <form
          ref={formRef}
          className="schedule"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <SettingProblemsNotice />
          <fieldset>
            <legend>Delivery times</legend>
            <p className="hint">
              Times of day, separated by commas (for example 09:00, 13:00, 18:00). Leave a day empty
              for a day off.
            </p>
            {ISO_WEEKDAYS.map((day) => (
              <Fragment key={day}>
                <label className="schedule__day">
                  <span>{weekdayName(day)}</span>
                  <input
                    type="text"
                    inputMode="numeric"
                    aria-label={`${weekdayName(day)} delivery times`}
                    aria-invalid={invalid(`deliveries.${day}`)}
                    aria-describedby={describedBy(`day:${day}`)}
                    value={form.days[day]}
                    onChange={(event) => {
                      setForm({ ...form, days: { ...form.days, [day]: event.target.value } });
                      setProblems((now) =>
                        withoutPlaces(
                          now,
                          (place) => place === `day:${day}` || place === 'deliveries',
                        ),
                      );
                    }}
                  />
                </label>
                {problemAt(`day:${day}`)}
              </Fragment>
            ))}
            {problemAt('deliveries', true)}
          </fieldset>
          <fieldset>
            <legend>Focus windows</legend>
            <p className="hint">
              Nothing is delivered or announced inside a focus window; a delivery that falls inside
              one moves to its end. A window may cross midnight (21:00 to 07:00); 24:00 is midnight.
            </p>
            {form.windows.length === 0 ? <p>No focus windows yet.</p> : null}
            {form.windows.map((window, index) => {
              const name = `Focus window ${index + 1}`;
              return (
                <div key={window.key} className="window" role="group" aria-label={name}>
                  <label>
                    <span>Name</span>
                    <input
                      type="text"
                      aria-label={`${name} name`}
                      value={window.label}
                      placeholder="Deep work"
                      onChange={(event) =>
                        updateWindow(index, window.key, { label: event.target.value })
                      }
                    />
                  </label>
                  <label>
                    <span>From</span>
                    <input
                      type="text"
                      aria-label={`${name} from`}
                      aria-invalid={invalid(`focusWindows[${index}].start`)}
                      aria-describedby={describedBy(`window:${index}:start`)}
                      value={window.start}
                      placeholder="09:00"
                      onChange={(event) =>
                        updateWindow(index, window.key, { start: event.target.value })
                      }
                    />
                  </label>
                  <label>
                    <span>Until</span>
                    <input
                      type="text"
                      aria-label={`${name} until`}
                      aria-invalid={invalid(`focusWindows[${index}].end`)}
                      aria-describedby={describedBy(`window:${index}:end`)}
                      value={window.end}
                      placeholder="12:00"
                      onChange={(event) =>
                        updateWindow(index, window.key, { end: event.target.value })
                      }
                    />
                  </label>
                  <fieldset
                    className="window__days"
                    aria-invalid={invalid(`focusWindows[${index}].days`)}
                  >
                    <legend>Days</legend>
                    {ISO_WEEKDAYS.map((day: IsoWeekday) => (
                      <label key={day} className="checkbox">
                        <input
                          type="checkbox"
                          aria-label={`${name} on ${weekdayName(day)}`}
                          checked={window.days.includes(day)}
                          onChange={(event) =>
                            updateWindow(index, window.key, {
                              days: event.target.checked
                                ? [...window.days, day]
                                : window.days.filter((d) => d !== day),
                            })
                          }
                        />
                        {weekdayName(day).slice(0, 3)}
                      </label>
                    ))}
                  </fieldset>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => {
                      setForm({
                        ...form,
                        windows: form.windows.filter((w) => w.key !== window.key),
                      });
                      forgetWindowProblems();
                    }}
                  >
                    Remove {name.toLowerCase()}
                  </button>
                  {problemAt(`window:${index}:start`)}
                  {problemAt(`window:${index}:end`)}
                  {problemAt(`window:${index}`, true)}
                </div>
              );
            })}
            <button
              type="button"
              className="button"
              onClick={() => {
                forgetWindowProblems();
                setForm({
                  ...form,
                  windows: [
                    ...form.windows,
                    {
                      key: Math.max(0, ...form.windows.map((w) => w.key + 1)),
                      label: '',
                      days: [1, 2, 3, 4, 5],
                      start: '09:00',
                      end: '12:00',
                    },
                  ],
                });
              }}
            >
              Add a focus window
            </button>
            {problemAt('windows', true)}
          </fieldset>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.notifyWhenEmpty}
              onChange={(event) => setForm({ ...form, notifyWhenEmpty: event.target.checked })}
            />
            Also announce deliveries that bring nothing
          </label>
          <fieldset>
            <legend>Review sessions</legend>
            <label className="schedule__day">
              <span>Time budget</span>
              <input
                type="text"
                inputMode="numeric"
                aria-label="Time budget in minutes (0 for none)"
                aria-invalid={budgetProblem !== null}
                aria-describedby={budgetProblem === null ? undefined : problemId('budget')}
                value={sessionForm.budget}
                onChange={(event) => {
                  setSessionForm({ ...sessionForm, budget: event.target.value });
                  setBudgetProblem(null);
                }}
              />
            </label>
            <FieldProblem
              id={problemId('budget')}
              messages={budgetProblem === null ? [] : [budgetProblem]}
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
          {problemAt('general', true)}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button--primary">
              Save settings
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
