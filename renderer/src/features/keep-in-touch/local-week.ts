import type { IsoWeekday } from '@shared/schedule/local-time';

interface WeekInfo {
  readonly firstDay?: number;
}
type LocaleWithWeek = Intl.Locale & {
  getWeekInfo?: () => WeekInfo;
  weekInfo?: WeekInfo;
};

/** The user's time zone, as the page's clock shows time. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The first day of the week in the user's locale (ISO: Monday 1 … Sunday 7), from `Intl.Locale`'s
 * week info (`getWeekInfo()`, formerly the `weekInfo` property); Monday when it does not say.
 */
export function localFirstDayOfWeek(language: string = navigator.language): IsoWeekday {
  try {
    const locale = new Intl.Locale(language) as LocaleWithWeek;
    const day = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay;
    return day !== undefined && Number.isInteger(day) && day >= 1 && day <= 7
      ? (day as IsoWeekday)
      : 1;
  } catch {
    return 1;
  }
}
