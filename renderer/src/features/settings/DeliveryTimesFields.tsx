import { Plus, X } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { IsoWeekday } from '@shared/schedule';
import { ISO_WEEKDAYS, formatLocalTime, parseLocalTime, weekdayName } from '@shared/schedule';
import { WEEKDAYS } from '@shared/schedule/schedule-presets';
import type { ScheduleForm, TimeEntry } from './schedule-form';
import { freshKey } from './schedule-form';

interface Props {
  readonly days: ScheduleForm['days'];
  /** The new days, and which days changed (their problems are gone). */
  readonly onChange: (days: ScheduleForm['days'], changed: readonly IsoWeekday[]) => void;
  /** Copies a day's times to others ("same as Monday", "weekdays", "every day"). */
  readonly onCopy: (from: IsoWeekday, to: readonly IsoWeekday[]) => void;
  /** Whether a validation problem points at this path (`deliveries.1[0]`, `deliveries.1`). */
  readonly hasProblem: (path: string) => boolean;
  /** `aria-describedby` for the fields whose problems are shown at a place (`day:1`). */
  readonly describedBy: (place: string) => string | undefined;
  readonly problemAt: (place: string, focusable?: boolean) => ReactNode;
}

/** A sensible time for a new picker: an hour after the day's last one, or 09:00. */
function suggestedTime(entries: readonly TimeEntry[]): string {
  const last = [...entries]
    .map((e) => parseLocalTime(e.value))
    .filter((m): m is number => m !== null)
    .sort((a, b) => a - b)
    .pop();
  if (last === undefined) return '09:00';
  return formatLocalTime(Math.min(last + 60, 23 * 60 + 59));
}

/** Delivery times, one time picker each, per weekday; a day with none is a day off. */
export function DeliveryTimesFields({
  days,
  onChange,
  onCopy,
  hasProblem,
  describedBy,
  problemAt,
}: Props) {
  const ids = useId();
  // After adding, focus goes to the new picker; after removing, to the day's Add button.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  const pickerId = (key: number): string => `${ids}-time-${key}`;
  const addId = (day: IsoWeekday): string => `${ids}-add-${day}`;
  const setDay = (day: IsoWeekday, entries: readonly TimeEntry[]): void =>
    onChange({ ...days, [day]: entries }, [day]);

  return (
    <div className="delivery-days">
      {ISO_WEEKDAYS.map((day) => {
        const name = weekdayName(day);
        const entries = days[day];
        const dayInvalid = hasProblem(`deliveries.${day}`);
        return (
          <div key={day} className="delivery-day">
            <div className="delivery-day__row" role="group" aria-label={`${name} delivery times`}>
              <span className="delivery-day__name" aria-hidden="true">
                {name}
              </span>
              <div className="delivery-day__times">
                {entries.length === 0 ? <span className="delivery-day__off">Day off</span> : null}
                {entries.map((entry, index) => {
                  const shown = entry.value === '' ? `delivery time ${index + 1}` : entry.value;
                  return (
                    <span key={entry.key} className="time-chip">
                      <input
                        id={pickerId(entry.key)}
                        type="time"
                        className="time-input"
                        aria-label={`${name} delivery time ${index + 1}`}
                        aria-invalid={dayInvalid || hasProblem(`deliveries.${day}[${index}]`)}
                        aria-describedby={describedBy(`day:${day}`)}
                        value={entry.value}
                        onChange={(event) =>
                          setDay(
                            day,
                            entries.map((e) =>
                              e.key === entry.key ? { ...e, value: event.target.value } : e,
                            ),
                          )
                        }
                      />
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Remove ${shown} on ${name}`}
                        title={`Remove ${shown}`}
                        onClick={() => {
                          setDay(
                            day,
                            entries.filter((e) => e.key !== entry.key),
                          );
                          setFocusId(addId(day));
                        }}
                      >
                        <X aria-hidden="true" size={14} />
                      </button>
                    </span>
                  );
                })}
                <button
                  id={addId(day)}
                  type="button"
                  className="icon-button icon-button--add"
                  aria-label={`Add a delivery time on ${name}`}
                  title="Add a delivery time"
                  onClick={() => {
                    const key = freshKey();
                    setDay(day, [...entries, { key, value: suggestedTime(entries) }]);
                    setFocusId(pickerId(key));
                  }}
                >
                  <Plus aria-hidden="true" size={14} />
                  <span aria-hidden="true">Add</span>
                </button>
              </div>
              <div className="delivery-day__copy">
                {day === 1 ? (
                  <>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label="Copy Monday’s times to every weekday"
                      onClick={() => onCopy(1, WEEKDAYS)}
                    >
                      Weekdays
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label="Copy Monday’s times to every day"
                      onClick={() => onCopy(1, ISO_WEEKDAYS)}
                    >
                      Every day
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={`${name}: same as Monday`}
                    onClick={() => onCopy(1, [day])}
                  >
                    Same as Monday
                  </button>
                )}
              </div>
            </div>
            {problemAt(`day:${day}`)}
          </div>
        );
      })}
    </div>
  );
}
