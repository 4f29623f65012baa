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
