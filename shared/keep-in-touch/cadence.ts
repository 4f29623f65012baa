/** The cadences offered first, in days, with their words. */
export const CADENCE_PRESETS: readonly { readonly days: number; readonly label: string }[] = [
  { days: 7, label: 'Every week' },
  { days: 14, label: 'Every two weeks' },
  { days: 30, label: 'Every month' },
  { days: 90, label: 'Every three months' },
];

/** A custom cadence may be from every day to once a year. */
export const MAX_CADENCE_DAYS = 365;

export type CadenceUnit = 'days' | 'weeks';

export type CadenceParse =
  { readonly ok: true; readonly days: number } | { readonly ok: false; readonly error: string };

/** "Every 10 days", "Every 3 weeks": a custom cadence as the user typed it, checked. */
export function parseCustomCadence(amount: string, unit: CadenceUnit): CadenceParse {
  const text = amount.trim();
  const example = unit === 'days' ? 'such as 10' : 'such as 3';
  if (text === '') return { ok: false, error: `Enter how many ${unit}, ${example}.` };
  if (!/^\d+$/.test(text)) {
    return { ok: false, error: `Enter a whole number of ${unit}, ${example}.` };
  }
  const n = Number(text);
  const days = unit === 'weeks' ? n * 7 : n;
  if (n < 1) return { ok: false, error: `Enter at least 1 ${unit === 'days' ? 'day' : 'week'}.` };
  if (days > MAX_CADENCE_DAYS) {
    return {
      ok: false,
      error: `At most once a year: ${unit === 'days' ? `${MAX_CADENCE_DAYS} days` : '52 weeks'}.`,
    };
  }
  return { ok: true, days };
}

/** The cadence in words: a preset's own, else "Every 3 weeks" or "Every 10 days". */
export function cadenceLabel(days: number): string {
  const preset = CADENCE_PRESETS.find((c) => c.days === days);
  if (preset !== undefined) return preset.label;
  if (days === 1) return 'Every day';
  if (days % 7 === 0) return `Every ${days / 7} weeks`;
  return `Every ${days} days`;
}

/** When the user was last in touch, in words ("today", "3 days ago", "5 weeks ago"). */
export function lastInTouchLabel(at: number, now: number): string {
  const days = Math.floor((now - at) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  const months = Math.floor(days / 30);
  return months < 24 ? `${months} months ago` : `${Math.floor(days / 365)} years ago`;
}
