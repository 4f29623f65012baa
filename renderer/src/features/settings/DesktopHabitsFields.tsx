import type { DesktopHabits } from '@shared/ipc/contract';
import { FieldProblem } from './FieldProblem';

/** What the dialog knows of the habits main keeps; null while asking. */
export interface HabitsState {
  readonly form: DesktopHabits;
  readonly openAtLoginSupported: boolean;
  /** Why the stored choices could not be read, or the last save failed; null when all is well. */
  readonly problem: string | null;
}

interface Props {
  readonly state: HabitsState | null;
  readonly problemId: string;
  readonly onChange: (form: DesktopHabits) => void;
}

/**
 * "Open Slowpost when you log in" and "Start in the tray": stored by main, saved with the rest of
 * Settings. Where the system has no login items (Linux), the first says so instead of pretending.
 */
export function DesktopHabitsFields({ state, problemId, onChange }: Props) {
  return (
    <fieldset aria-describedby={state?.problem == null ? undefined : problemId}>
      <legend>On this computer</legend>
      <p className="hint">
        Deliveries only arrive while Slowpost runs: it can start when you log in and wait quietly in
        the tray.
      </p>
      {state === null ? (
        <p className="hint">Asking the system…</p>
      ) : (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={state.form.openAtLogin}
              disabled={!state.openAtLoginSupported}
              aria-describedby={state.openAtLoginSupported ? undefined : `${problemId}-login`}
              onChange={(event) => onChange({ ...state.form, openAtLogin: event.target.checked })}
            />
            Open Slowpost when you log in
          </label>
          {state.openAtLoginSupported ? null : (
            <p id={`${problemId}-login`} className="hint habit-note">
              This system does not let apps add themselves to start at login. Add Slowpost to your
              desktop’s startup applications instead.
            </p>
          )}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={state.form.startInTray}
              onChange={(event) => onChange({ ...state.form, startInTray: event.target.checked })}
            />
            Start in the tray (no window until you open it)
          </label>
          <FieldProblem id={problemId} messages={state.problem === null ? [] : [state.problem]} />
        </>
      )}
    </fieldset>
  );
}
