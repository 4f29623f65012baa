import type { IANAZone } from 'luxon';
import { compileSchedule, type CompiledSchedule } from './compiled-schedule';
import type { ScheduleSettings } from './schedule-settings';
import { instantOfLocalTime, localDayOf, weekdayOfLocalDay, zoneNamed } from './wall-clock';

/** A focus-window occurrence as instants: [start, end), half-open. */
export interface FocusInterval {
  readonly start: number;
  readonly end: number;
  /** Which window this is an occurrence of: its position in `settings.focusWindows`. */
  readonly window: number;
}

/**
 * The schedule laid onto real days in one zone. Each public rule builds one per call and throws
 * it away, so per-day results are remembered only for the length of that call.
 */
export class ScheduleCalendar {
  readonly zone: IANAZone;
  readonly schedule: CompiledSchedule;
  private readonly slotsByDay = new Map<number, readonly number[]>();
  private readonly windowsByDay = new Map<number, readonly FocusInterval[]>();

  constructor(zoneName: string, settings: ScheduleSettings) {
    this.zone = zoneNamed(zoneName);
    this.schedule = compileSchedule(settings);
  }

  localDayOf(instant: number): number {
    return localDayOf(this.zone, instant);
  }

  /**
   * The delivery slots of a local day as instants, before any focus-window moves: ascending,
   * deduplicated (two local times inside one DST gap both happen at the gap's end).
   */
  rawSlotsOn(day: number): readonly number[] {
    let slots = this.slotsByDay.get(day);
    if (slots === undefined) {
      const minutes = this.schedule.deliveries[weekdayOfLocalDay(day)];
      slots = [...new Set(minutes.map((m) => instantOfLocalTime(this.zone, day, m)))];
      this.slotsByDay.set(day, slots);
    }
    return slots;
  }

  /** The focus-window occurrences that start on a local day (empty ones, e.g. inside a DST gap, left out). */
  focusIntervalsStartingOn(day: number): readonly FocusInterval[] {
    let intervals = this.windowsByDay.get(day);
    if (intervals === undefined) {
      const weekday = weekdayOfLocalDay(day);
      const found: FocusInterval[] = [];
      for (const window of this.schedule.windows) {
        if (!window.days.has(weekday)) continue;
        const start = instantOfLocalTime(this.zone, day, window.start);
        const end = instantOfLocalTime(this.zone, day, window.end);
        if (end > start) found.push({ start, end, window: window.index });
      }
      intervals = found;
      this.windowsByDay.set(day, intervals);
    }
    return intervals;
  }
}
