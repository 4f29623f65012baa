interface Listed {
  readonly threadId: string;
}

/**
 * The conversation selected now. One handled elsewhere (a reply sent from the composer, another
 * window) gives way to the next one still waiting, in the session's order, or else to the last
 * one waiting. One the list holds, or one whose action the store has not answered for yet, keeps
 * its place. Worked out whenever it is needed (a render, a key), so a key pressed before the
 * selection is moved acts on the conversation the list shows.
 */
export function selectionGivingWay(
  selected: string | null,
  waiting: readonly Listed[],
  sessionOrder: readonly Listed[],
  keepsPlace: (threadId: string) => boolean,
): string | null {
  if (selected === null || keepsPlace(selected)) return selected;
  const position = sessionOrder.findIndex((c) => c.threadId === selected);
  if (position === -1) return selected;
  const stillWaiting = new Set(waiting.map((c) => c.threadId));
  const next =
    sessionOrder.slice(position + 1).find((c) => stillWaiting.has(c.threadId)) ??
    waiting[waiting.length - 1];
  return next?.threadId ?? null;
}
