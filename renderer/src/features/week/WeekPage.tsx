import { useLiveQuery } from 'dexie-react-hooks';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import {
  deliveriesSummary,
  focusSummary,
  sessionsSummary,
  weekContaining,
  weekFigures,
  weekFromKey,
  weekKey,
  weekShiftedBy,
  writingSummary,
} from '@shared/week';
import type { WeekRange } from '@shared/week';
import { useDatabase } from '../../app/database-context';
import { readWeekRecords } from '../../db/repositories/week-records';
import { currentTimeZone } from '../../deliveries/use-delivery-clock';
import { readFromHash, writeToHash } from '../../state/location-hash';
import { formatClockTime } from '../../ui/format-time';
import { useNow } from '../../ui/use-now';
import { DeliveriesChart } from './DeliveriesChart';
import { FocusChart } from './FocusChart';
import { SessionsChart } from './SessionsChart';
import { WritingChart } from './WritingChart';
import { longWeekday, weekDates } from './week-labels';
import '../../styles/week.css';

/**
 * "Your week": a calm look back at the user's own habits — deliveries and why, time in sessions,
 * people written to, focus windows kept — one week at a time, earlier weeks a button away. Only
 * that week's records are read. Nothing about likes, boosts or followers; no streaks, no scores.
 */
export function WeekPage() {
  const db = useDatabase();
  const zone = currentTimeZone();
  const now = useNow(60_000);
  const thisWeekStart = weekContaining(now, zone).start;
  const thisWeek = useMemo(() => weekContaining(thisWeekStart, zone), [thisWeekStart, zone]);
  const [shownKey, setShownKey] = useState<string | null>(() => readFromHash('week'));
  // An earlier week from the address; this week for anything else (a later week has no figures).
  const shown = useMemo(() => {
    const asked = shownKey === null ? null : weekFromKey(shownKey, zone);
    return asked === null || asked.start >= thisWeek.start ? thisWeek : asked;
  }, [shownKey, zone, thisWeek]);
  const isThisWeek = shown.start === thisWeek.start;
  useEffect(() => () => writeToHash('week', null), []);

  const show = (week: WeekRange): void => {
    const key = week.start === thisWeek.start ? null : weekKey(week, zone);
    writeToHash('week', key);
    setShownKey(key);
  };
  const records = useLiveQuery(() => readWeekRecords(db, shown), [db, shown.start]);
  const figures =
    records === undefined ? undefined : weekFigures({ ...records, week: shown, zone, now });

  return (
    <main className="app__main week" aria-labelledby="week-title">
      <div className="week__head">
        <div>
          <h2 id="week-title" className="week__title">
            Your week
          </h2>
          <p className="week__dates">{weekDates(shown)}</p>
        </div>
        <nav className="week__nav" aria-label="Weeks">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => show(weekShiftedBy(shown, -1, zone))}
          >
            <ChevronLeft className="icon" aria-hidden="true" />
            Previous week
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={isThisWeek}
            onClick={() => show(weekShiftedBy(shown, 1, zone))}
          >
            Next week
            <ChevronRight className="icon" aria-hidden="true" />
          </button>
          {isThisWeek ? null : (
            <button type="button" className="button button--quiet" onClick={() => show(thisWeek)}>
              This week
            </button>
          )}
        </nav>
      </div>
      {figures === undefined ? null : (
        <div className="week__cards">
          <WeekCard title="Deliveries" summary={deliveriesSummary(figures)}>
            <DeliveriesChart figures={figures} />
            {figures.deliveries.earlyReasons.length > 0 ? (
              <ul className="week__reasons" aria-label="Why you opened early">
                {figures.deliveries.earlyReasons.map((early) => (
                  <li key={early.at}>
                    <span className="week__when">
                      {longWeekday(early.at)} {formatClockTime(early.at)}
                    </span>{' '}
                    “{early.reason}”
                  </li>
                ))}
              </ul>
            ) : null}
          </WeekCard>
          <WeekCard title="Time in sessions" summary={sessionsSummary(figures)}>
            <SessionsChart figures={figures} />
          </WeekCard>
          <WeekCard title="Writing to people" summary={writingSummary(figures)}>
            <WritingChart figures={figures} />
          </WeekCard>
          <WeekCard title="Focus windows" summary={focusSummary(figures)}>
            <FocusChart figures={figures} />
          </WeekCard>
        </div>
      )}
    </main>
  );
}

function WeekCard({
  title,
  summary,
  children,
}: {
  title: string;
  summary: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="week__card" aria-labelledby={id}>
      <h3 id={id} className="week__card-title">
        {title}
      </h3>
      <p className="week__summary">{summary}</p>
      {children}
    </section>
  );
}
