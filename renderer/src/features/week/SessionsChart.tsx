import type { WeekFigures } from '@shared/week';
import { CHART_WIDTH, COLUMN, GUTTER, columnCenter } from './chart-frame';
import { DayLabels } from './DayLabels';
import { sessionsByDay } from './week-labels';

const TOP = 10;
const BOTTOM = 112;
const HEIGHT = 132;

/**
 * Each session as a thin bar, by day, against a dashed line at the time budget. The part of a
 * session past its budget is drawn lighter: worth a look, never an alarm.
 */
export function SessionsChart({ figures }: { figures: WeekFigures }) {
  const budget = figures.sessions.budgetMinutes;
  const top = Math.max(figures.sessions.longest, budget * 1.25, 10);
  const y = (minutes: number): number => BOTTOM - (minutes / top) * (BOTTOM - TOP);
  return (
    <svg
      className="week-chart"
      viewBox={`0 0 ${CHART_WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Sessions by day. ${sessionsByDay(figures)}`}
    >
      <line className="week-chart__base" x1={GUTTER} x2={CHART_WIDTH} y1={BOTTOM} y2={BOTTOM} />
      {figures.days.map((day, index) => {
        const count = day.sessions.length;
        const width = Math.min(9, (COLUMN - 10) / Math.max(count, 1) - 2);
        const left = columnCenter(index) - (count * (width + 2) - 2) / 2;
        return day.sessions.map((session, n) => {
          const x = left + n * (width + 2);
          const within = budget > 0 ? Math.min(session.minutes, budget) : session.minutes;
          return (
            <g key={session.startedAt}>
              <rect
                className="week-chart__bar"
                x={x}
                y={y(within)}
                width={width}
                height={BOTTOM - y(within)}
                rx={1.5}
              />
              {session.minutes > within ? (
                <rect
                  className="week-chart__bar week-chart__bar--past"
                  x={x}
                  y={y(session.minutes)}
                  width={width}
                  height={y(within) - y(session.minutes)}
                  rx={1.5}
                />
              ) : null}
            </g>
          );
        });
      })}
      {budget > 0 ? (
        <g className="week-chart__axis">
          <line
            className="week-chart__budget"
            x1={GUTTER}
            x2={CHART_WIDTH}
            y1={y(budget)}
            y2={y(budget)}
          />
          <text x={GUTTER - 6} y={y(budget) + 4} textAnchor="end">
            {budget} min
          </text>
        </g>
      ) : null}
      <DayLabels days={figures.days} y={HEIGHT - 4} />
    </svg>
  );
}
