import type { DeliveryMarkKind, WeekFigures } from '@shared/week';
import { CHART_WIDTH, GUTTER, columnCenter } from './chart-frame';
import { DayLabels } from './DayLabels';
import { DELIVERY_KIND_WORDS, deliveriesByDay } from './week-labels';

const TOP = 8;
const BOTTOM = 176;
const HEIGHT = 196;

/** One delivery's mark: a shape per kind, so the kinds differ without colour too. */
export function DeliveryShape({ kind, x, y }: { kind: DeliveryMarkKind; x: number; y: number }) {
  switch (kind) {
    case 'on-time':
      return <circle className="week-chart__dot" cx={x} cy={y} r={5} />;
    case 'caught-up':
      return (
        <rect
          className="week-chart__dot week-chart__dot--soft"
          x={x - 4.5}
          y={y - 4.5}
          width={9}
          height={9}
          rx={2}
        />
      );
    case 'early':
      return <circle className="week-chart__ring" cx={x} cy={y} r={4.5} />;
    case 'first':
      return (
        <rect
          className="week-chart__dot"
          x={x - 4.5}
          y={y - 4.5}
          width={9}
          height={9}
          transform={`rotate(45 ${x} ${y})`}
        />
      );
  }
}

/**
 * The week's deliveries by day and time of day: a dot on time, a soft square caught up after a
 * pause, a ring opened early, a diamond the first delivery.
 */
export function DeliveriesChart({ figures }: { figures: WeekFigures }) {
  const y = (at: number, dayStart: number, dayEnd: number): number =>
    TOP + ((at - dayStart) / (dayEnd - dayStart)) * (BOTTOM - TOP);
  const kinds = (['on-time', 'caught-up', 'early', 'first'] as const).filter((kind) =>
    figures.days.some((day) => day.deliveries.some((d) => d.kind === kind)),
  );
  return (
    <>
      <svg
        className="week-chart"
        viewBox={`0 0 ${CHART_WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Deliveries by day. ${deliveriesByDay(figures)}`}
      >
        <g className="week-chart__axis">
          {[0, 6, 12, 18, 24].map((hour) => {
            const lineY = TOP + (hour / 24) * (BOTTOM - TOP);
            return (
              <g key={hour}>
                <line
                  className="week-chart__grid"
                  x1={GUTTER}
                  x2={CHART_WIDTH}
                  y1={lineY}
                  y2={lineY}
                />
                {hour % 12 === 6 || hour === 12 ? (
                  <text x={GUTTER - 6} y={lineY + 4} textAnchor="end">
                    {String(hour).padStart(2, '0')}:00
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>
        {figures.days.map((day, index) =>
          day.deliveries.map((d) => (
            <DeliveryShape
              key={`${d.at}-${d.kind}`}
              kind={d.kind}
              x={columnCenter(index)}
              y={y(d.at, day.start, day.end)}
            />
          )),
        )}
        <DayLabels days={figures.days} y={HEIGHT - 4} />
      </svg>
      {kinds.length > 0 ? (
        <ul className="week-legend" aria-label="Key">
          {kinds.map((kind) => (
            <li key={kind}>
              <svg className="week-legend__mark" viewBox="0 0 12 12" aria-hidden="true">
                <DeliveryShape kind={kind} x={6} y={6} />
              </svg>
              {DELIVERY_KIND_WORDS[kind]}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
