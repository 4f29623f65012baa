/** "13:00" in the given zone: delivery times are written the way the schedule writes them. */
export function formatClockTime(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));
}

/** The tray's tooltip: the next delivery time and never a count. */
export function trayTooltip(status: {
  nextDeliveryAt: number | null;
  focusEndsAt: number | null;
  timeZone: string;
}): string {
  if (status.focusEndsAt !== null) {
    return `Slowpost — focus time until ${formatClockTime(status.focusEndsAt, status.timeZone)}`;
  }
  if (status.nextDeliveryAt === null) return 'Slowpost — no deliveries scheduled';
  return `Slowpost — next delivery at ${formatClockTime(status.nextDeliveryAt, status.timeZone)}`;
}
