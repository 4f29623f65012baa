import type { z } from 'zod';
import type { ReplySetting } from '../../../../shared/settings/setting-definitions';
import { type SendMode } from '../../../../shared/settings/setting-definitions';
import { FieldProblem } from './FieldProblem';

export interface ReplyForm {
  readonly coolingOff: string;
  readonly mode: SendMode;
}

type ReplyValue = z.output<typeof ReplySetting.schema>;

export function toReplyForm(value: ReplyValue): ReplyForm {
  return { coolingOff: String(value.coolingOffSeconds), mode: value.defaultSendMode };
}

/** The form's value, or the problem in a sentence. */
export function fromReplyForm(
  form: ReplyForm,
): { ok: true; value: ReplyValue } | { ok: false; problem: string } {
  const seconds = Number(form.coolingOff.trim());
  if (form.coolingOff.trim() === '' || !Number.isInteger(seconds) || seconds < 5 || seconds > 600) {
    return {
      ok: false,
      problem: 'The cooling-off delay is a whole number of seconds from 5 to 600 (ten minutes).',
    };
  }
  return { ok: true, value: { coolingOffSeconds: seconds, defaultSendMode: form.mode } };
}

const MODES: readonly { readonly mode: SendMode; readonly label: string }[] = [
  { mode: 'cooling-off', label: 'After the cooling-off delay (you can undo)' },
  { mode: 'now', label: 'Now' },
  { mode: 'next-delivery', label: 'With the next delivery' },
];

interface Props {
  readonly form: ReplyForm;
  /** What is wrong with the cooling-off delay, shown below it; null when nothing. */
  readonly problem: string | null;
  readonly problemId: string;
  readonly onChange: (form: ReplyForm) => void;
}

/** Settings for sending replies: the cooling-off delay, and what "Send" does by default. */
export function ReplySettingsFields({ form, problem, problemId, onChange }: Props) {
  return (
    <fieldset>
      <legend>Replies</legend>
      <label className="schedule__day">
        <span>Cooling-off</span>
        <input
          type="text"
          inputMode="numeric"
          aria-label="Cooling-off delay in seconds"
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : problemId}
          value={form.coolingOff}
          onChange={(event) => onChange({ ...form, coolingOff: event.target.value })}
        />
      </label>
      <FieldProblem id={problemId} messages={problem === null ? [] : [problem]} />
      <label className="field field--inline">
        <span>Send replies by default</span>
        <select
          value={form.mode}
          onChange={(event) =>
            onChange({
              ...form,
              mode: MODES.find((m) => m.mode === event.target.value)?.mode ?? form.mode,
            })
          }
        >
          {MODES.map(({ mode, label }) => (
            <option key={mode} value={mode}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
