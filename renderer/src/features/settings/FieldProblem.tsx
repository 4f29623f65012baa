/**
 * What is wrong with one field (or one group of fields), drawn right below it. A field points at
 * it with `aria-describedby`, so it is read with the field when the field gets focus. A message
 * for a whole group has no field of its own: it takes focus itself (`focusable`).
 */
export function FieldProblem({
  id,
  messages,
  focusable = false,
}: {
  readonly id: string;
  readonly messages: readonly string[];
  readonly focusable?: boolean;
}) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field-problem" tabIndex={focusable ? -1 : undefined}>
      {messages.join(' ')}
    </p>
  );
}

/** The first field (or group message) with a problem in `form`, focused and scrolled to. */
export function focusFirstProblem(form: HTMLFormElement | null): void {
  const target = form?.querySelector<HTMLElement>(
    'input[aria-invalid="true"], select[aria-invalid="true"], .field-problem[tabindex="-1"]',
  );
  if (target === null || target === undefined) return;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}
