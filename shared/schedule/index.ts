/**
 * Schedule rules: when deliveries happen. Pure functions over (instant, zone, settings).
 *
 * - Instants are epoch ms. The IANA zone is a parameter, not a setting: slots are wall-clock times
 *   in the zone in effect, so travelling just means passing another zone.
 * - A local time happens at the first instant the wall clock shows it or later: a time skipped by
 *   spring-forward happens at the end of the gap (02:30 → 03:00), a time repeated by fall-back
 *   happens at its first occurrence only.
 * - Focus windows are half-open [start, end): the end instant is outside. A window whose end is
 *   earlier than its start ends the next morning; "24:00" ends it at midnight; start = end never
 *   applies. A slot inside a window moves to the first instant outside every window (its end, or
 *   the end of a chain of back-to-back/overlapping windows). Slots landing on the same instant are
 *   one delivery.
 * - After sleep or a closed app, `catchUp` folds every passed slot into one delivery.
 */
export * from './schedule-settings';
export {
  formatLocalTime,
  parseDayEnd,
  parseLocalTime,
  weekdayName,
  ISO_WEEKDAYS,
  type IsoWeekday,
} from './local-time';
export { isKnownTimeZone } from './wall-clock';
export {
  validateSchedule,
  type ScheduleProblem,
  type ScheduleValidation,
  type ValidateScheduleOptions,
} from './validate-schedule';
export { isInFocusWindow, type FocusState } from './focus-windows';
export { deliverySlotsBetween } from './delivery-slots';
export { nextDelivery } from './next-delivery';
export { catchUp, CATCH_UP_MAX_DAYS, type CatchUp } from './catch-up';
export { movedDelivery, type MovedDelivery } from './moved-delivery';
export { deliveriesThroughWeek } from './week-deliveries';
