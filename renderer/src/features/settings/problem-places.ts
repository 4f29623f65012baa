import type { ScheduleProblem } from '@shared/schedule';

/**
 * Where in the Settings form a schedule problem is shown: next to a weekday's times, a focus
 * window's start or end, a whole window, a whole section, or (for anything else) above the
 * buttons. Keys: `day:3`, `deliveries`, `window:0:start`, `window:0:end`, `window:0`, `windows`,
 * `general`.
 */
export function placeOf(path: string): string {
  const day = /^deliveries\.(\d+)/.exec(path);
  if (day !== null) return `day:${day[1]}`;
  if (path === 'deliveries') return 'deliveries';
  const edge = /^focusWindows\[(\d+)\]\.(start|end)\b/.exec(path);
  if (edge !== null) return `window:${edge[1]}:${edge[2]}`;
  const window = /^focusWindows\[(\d+)\]/.exec(path);
  if (window !== null) return `window:${window[1]}`;
  if (path === 'focusWindows') return 'windows';
  return 'general';
}

/** The messages of the problems shown at `place`. */
export function messagesAt(problems: readonly ScheduleProblem[], place: string): string[] {
  return problems.filter((p) => placeOf(p.path) === place).map((p) => p.message);
}

/** The problems left once the user has changed what the problems at `isChanged` places were about. */
export function withoutPlaces(
  problems: readonly ScheduleProblem[],
  isChanged: (place: string) => boolean,
): ScheduleProblem[] {
  return problems.filter((p) => !isChanged(placeOf(p.path)));
}
