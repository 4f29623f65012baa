import type { WeekFigures } from '@shared/week';
import { focusByWindow, shortWeekday } from './week-labels';

const SPACING = 34;
const HEIGHT = 48;

/** One circle per focus window that has passed: filled when kept, an open ring when not. */
export function FocusChart({ figures }: { figures: WeekFigures }) {
  if (figures.focus.length === 0) return null;
  const width = Math.max(figures.focus.length * SPACING, SPACING);
  return (
    <svg
      className="week-chart week-chart--row"
      viewBox={`0 0 ${width} ${HEIGHT}`}
      width={width * 1.25}
      height={HEIGHT * 1.25}
      role="img"
      aria-label={`Focus windows. ${focusByWindow(figures)}`}
    >
      {figures.focus.map((window, index) => {
        const x = SPACING * index + SPACING / 2;
        return (
          <g key={`${window.start}-${index}`}>
            <circle
              className={
                window.kept ? 'week-chart__dot' : 'week-chart__ring week-chart__ring--quiet'
              }
              cx={x}
              cy={16}
              r={window.kept ? 9 : 8}
            />
            <text className="week-chart__axis" x={x} y={HEIGHT - 4} textAnchor="middle">
              {shortWeekday(window.start)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
