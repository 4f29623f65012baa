import type { WeekFigures } from '@shared/week';
import { CHART_WIDTH, GUTTER, columnCenter } from './chart-frame';
import { DayLabels } from './DayLabels';
import { sentByDay } from './week-labels';

const BOTTOM = 84;
const HEIGHT = 104;
const STEP = 11;
/** Dots a day column holds; more are written as a number above them. */
const MOST = 6;

/** A dot for every message sent, stacked by day: replies and new conversations alike. */
export function WritingChart({ figures }: { figures: WeekFigures }) {
  return (
    <svg
      className="week-chart"
      viewBox={`0 0 ${CHART_WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Messages sent by day. ${sentByDay(figures)}`}
    >
      <line
        className="week-chart__base"
        x1={GUTTER}
        x2={CHART_WIDTH}
        y1={BOTTOM + 6}
        y2={BOTTOM + 6}
      />
      {figures.days.map((day, index) => {
        const x = columnCenter(index);
        const shown = Math.min(day.sent, MOST);
        return (
          <g key={day.start}>
            {Array.from({ length: shown }, (_, n) => (
              <circle key={n} className="week-chart__dot" cx={x} cy={BOTTOM - n * STEP} r={4} />
            ))}
            {day.sent > MOST ? (
              <text className="week-chart__axis" x={x} y={BOTTOM - MOST * STEP} textAnchor="middle">
                {day.sent}
              </text>
            ) : null}
          </g>
        );
      })}
      <DayLabels days={figures.days} y={HEIGHT - 2} />
    </svg>
  );
}
