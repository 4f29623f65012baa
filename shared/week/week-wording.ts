import type { WeekFigures } from './week-figures';

/** "1 delivery", "3 deliveries". */
export function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Mira", "Mira and Jonas", "Mira, Jonas and Ada". */
export function listed(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** What the deliveries chart shows, in words. */
export function deliveriesSummary(figures: WeekFigures): string {
  const d = figures.deliveries;
  if (d.total === 0) return 'No deliveries this week.';
  const parts = [
    d.onTime > 0 ? `${d.onTime} on time` : null,
    d.caughtUp > 0 ? `${d.caughtUp} caught up after a pause` : null,
    d.early > 0 ? `${d.early} opened early` : null,
    d.first > 0 ? `${d.first} first delivery` : null,
  ].filter((part): part is string => part !== null);
  return `${counted(d.total, 'delivery', 'deliveries')}: ${listed(parts)}.`;
}

/** What the session-time chart shows, in words. */
export function sessionsSummary(figures: WeekFigures): string {
  const s = figures.sessions;
  if (s.count === 0) return 'No time in sessions this week.';
  const spent = `${counted(s.minutes, 'minute', 'minutes')} in ${counted(s.count, 'session', 'sessions')}`;
  if (s.budgetMinutes <= 0) return `${spent}, with no time budget set.`;
  const within =
    s.withinBudget === s.count
      ? s.count === 1
        ? 'it stayed within it'
        : 'all stayed within it'
      : `${s.withinBudget} of ${s.count} stayed within it`;
  return `${spent}, against a budget of ${counted(s.budgetMinutes, 'minute', 'minutes')} a session; ${within}.`;
}

/** What the writing chart shows, in words. */
export function writingSummary(figures: WeekFigures): string {
  const answered =
    figures.answered === 0
      ? 'No conversations answered'
      : `${counted(figures.answered, 'conversation', 'conversations')} answered`;
  if (figures.people.length === 0) return `${answered}; nobody written to this week.`;
  return `${answered}; you wrote to ${listed(figures.people)}.`;
}

/** What the focus chart shows, in words. */
export function focusSummary(figures: WeekFigures): string {
  const passed = figures.focus.length;
  if (passed === 0) {
    return figures.current
      ? 'No focus windows have passed yet this week.'
      : 'No focus windows this week.';
  }
  const windows = `focus window${passed === 1 ? '' : 's'}${figures.current ? ' so far' : ''}`;
  if (figures.focusKept === passed) {
    return passed === 1 ? `The one ${windows} was kept.` : `All ${passed} ${windows} were kept.`;
  }
  return `${figures.focusKept} of ${passed} ${windows} were kept.`;
}
