import { Plus } from 'lucide-react';
import type { ReactNode } from 'react';
import type { IsoWeekday } from '@shared/schedule';
import { ISO_WEEKDAYS, weekdayName } from '@shared/schedule';
import { FOCUS_PRESETS } from '@shared/schedule/schedule-presets';
import type { WindowForm } from './schedule-form';

interface Props {
  readonly windows: readonly WindowForm[];
  readonly onUpdate: (index: number, key: number, change: Partial<WindowForm>) => void;
  /** Adds a window: a blank one (weekdays 09:00–12:00), or a preset's. */
  readonly onAdd: (window: Omit<WindowForm, 'key'>) => void;
  readonly onRemove: (key: number) => void;
  readonly hasProblem: (path: string) => boolean;
  readonly describedBy: (place: string) => string | undefined;
  readonly problemAt: (place: string, focusable?: boolean) => ReactNode;
}

/** Focus windows as form fields: a name, the days, and from/until time pickers. */
export function FocusWindowsFields({
  windows,
  onUpdate,
  onAdd,
  onRemove,
  hasProblem,
  describedBy,
  problemAt,
}: Props) {
  const invalid = (prefix: string): boolean => hasProblem(prefix);
  return (
    <>
      {windows.length === 0 ? <p className="hint">No focus windows yet.</p> : null}
      {windows.map((window, index) => {
        const name = `Focus window ${index + 1}`;
        return (
          <div key={window.key} className="focus-window" role="group" aria-label={name}>
            <div className="focus-window__fields">
              <label className="focus-window__field focus-window__field--name">
                <span>Name</span>
                <input
                  type="text"
                  className="text-input"
                  aria-label={`${name} name`}
                  value={window.label}
                  placeholder="Deep work"
                  onChange={(event) => onUpdate(index, window.key, { label: event.target.value })}
                />
              </label>
              <label className="focus-window__field">
                <span>From</span>
                <input
                  type="time"
                  className="time-input"
                  aria-label={`${name} from`}
                  aria-invalid={invalid(`focusWindows[${index}].start`)}
                  aria-describedby={describedBy(`window:${index}:start`)}
                  value={window.start}
                  onChange={(event) => onUpdate(index, window.key, { start: event.target.value })}
                />
              </label>
              <label className="focus-window__field">
                <span>Until</span>
                <input
                  type="time"
                  className="time-input"
                  aria-label={`${name} until`}
                  aria-invalid={invalid(`focusWindows[${index}].end`)}
                  aria-describedby={describedBy(`window:${index}:end`)}
                  value={window.end}
                  onChange={(event) => onUpdate(index, window.key, { end: event.target.value })}
                />
              </label>
              <button
                type="button"
                className="button button--quiet button--small focus-window__remove"
                onClick={() => onRemove(window.key)}
              >
                Remove {name.toLowerCase()}
              </button>
            </div>
            <fieldset
              className="focus-window__days"
              aria-invalid={invalid(`focusWindows[${index}].days`)}
            >
              <legend className="visually-hidden">{name} days</legend>
              {ISO_WEEKDAYS.map((day: IsoWeekday) => (
                <label key={day} className="day-toggle">
                  <input
                    type="checkbox"
                    aria-label={`${name} on ${weekdayName(day)}`}
                    checked={window.days.includes(day)}
                    onChange={(event) =>
                      onUpdate(index, window.key, {
                        days: event.target.checked
                          ? [...window.days, day]
                          : window.days.filter((d) => d !== day),
                      })
                    }
                  />
                  <span aria-hidden="true">{weekdayName(day).slice(0, 3)}</span>
                </label>
              ))}
            </fieldset>
            {problemAt(`window:${index}:start`)}
            {problemAt(`window:${index}:end`)}
            {problemAt(`window:${index}`, true)}
          </div>
        );
      })}
      <div className="focus-window__add">
        <button
          type="button"
          className="button"
          onClick={() => onAdd({ label: '', days: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' })}
        >
          <Plus aria-hidden="true" size={16} /> Add a focus window
        </button>
        {FOCUS_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className="button button--quiet"
            title={preset.description}
            onClick={() =>
              onAdd({
                label: preset.window.label ?? preset.name,
                days: [...preset.window.days],
                start: preset.window.start,
                end: preset.window.end === '24:00' ? '00:00' : preset.window.end,
              })
            }
          >
            Add “{preset.name}”
          </button>
        ))}
      </div>
    </>
  );
}
