import { useId } from 'react';
import type { WeeklyDeliveries } from '@shared/schedule';
import { ISO_WEEKDAYS, weekdayName } from '@shared/schedule';
import type { WindowForm } from './schedule-form';
import { deliveryMarks, describeWindow, weekBlocks } from './focus-week';

const DAY = 24 * 60;
const percent = (minutes: number): string => `${(minutes / DAY) * 100}%`;

/**
 * The week at a glance: seven days of 24 hours, each focus window drawn as a labelled block and
 * each delivery time as a tick (hollow when a window moves it). Screen readers get the same in
 * sentences; the windows are edited in the fields below, not here.
 */
export function FocusWeek({
  windows,
  deliveries,
}: {
  readonly windows: readonly WindowForm[];
  readonly deliveries: WeeklyDeliveries;
}) {
  const captionId = useId();
  const blocks = weekBlocks(windows);
  const marks = deliveryMarks(deliveries, blocks);
  return (
    <figure className="focus-week" aria-labelledby={captionId}>
      <figcaption id={captionId} className="visually-hidden">
        Your week: focus windows and delivery times
      </figcaption>
      <div className="focus-week__grid" aria-hidden="true">
        <span />
        <div className="focus-week__hours">
          {[0, 6, 12, 18, 24].map((hour) => (
            <span key={hour} style={{ insetInlineStart: percent(hour * 60) }}>
              {String(hour).padStart(2, '0')}
            </span>
          ))}
        </div>
        {ISO_WEEKDAYS.map((day) => (
          <div key={day} className="focus-week__day">
            <span className="focus-week__name">{weekdayName(day).slice(0, 3)}</span>
            <div className="focus-week__track">
              {blocks
                .filter((b) => b.day === day)
                .map((b) => (
                  <span
                    key={`${b.window}-${b.start}`}
                    className="focus-week__block"
                    style={{ insetInlineStart: percent(b.start), width: percent(b.end - b.start) }}
                    title={b.label}
                  >
                    <span className="focus-week__label">{b.label}</span>
                  </span>
                ))}
              {marks
                .filter((m) => m.day === day)
                .map((m) => (
                  <span
                    key={m.time}
                    className={`focus-week__delivery${m.inFocus ? ' focus-week__delivery--moved' : ''}`}
                    style={{ insetInlineStart: percent(m.minute) }}
                    title={m.time}
                  />
                ))}
            </div>
          </div>
        ))}
      </div>
      <p className="focus-week__legend" aria-hidden="true">
        <span className="focus-week__key focus-week__key--window" /> focus window
        <span className="focus-week__key focus-week__key--delivery" /> delivery
        <span className="focus-week__key focus-week__key--moved" /> delivery moved to the window’s
        end
      </p>
      <ul className="visually-hidden">
        {windows.length === 0 ? <li>No focus windows.</li> : null}
        {windows.map((window, index) => (
          <li key={window.key}>{describeWindow(window, index)}</li>
        ))}
        {marks.some((m) => m.inFocus) ? (
          <li>
            Deliveries inside a window wait until it ends:{' '}
            {marks
              .filter((m) => m.inFocus)
              .map((m) => `${weekdayName(m.day)} ${m.time}`)
              .join(', ')}
            .
          </li>
        ) : null}
      </ul>
    </figure>
  );
}
