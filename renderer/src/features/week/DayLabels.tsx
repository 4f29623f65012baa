import type { WeekDay } from '@shared/week';
import { columnCenter } from './chart-frame';
import { shortWeekday } from './week-labels';

/** The days under a chart's columns ("Mon" … "Sun"). */
export function DayLabels({ days, y }: { days: readonly WeekDay[]; y: number }) {
  return (
    <g className="week-chart__axis">
      {days.map((day, index) => (
        <text key={day.start} x={columnCenter(index)} y={y} textAnchor="middle">
          {shortWeekday(day.start)}
        </text>
      ))}
    </g>
  );
}
