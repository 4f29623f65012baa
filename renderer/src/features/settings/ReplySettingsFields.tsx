import type { z } from 'zod';
import type { ReplySetting } from '@shared/settings/setting-definitions';
import { type SendMode } from '@shared/settings/setting-definitions';
import { UnitNumberField } from './UnitNumberField';

export interface ReplyForm {
  readonly coolingOff: string;
  /** The field holds something that is not a number (the browser reports it as ''). */
  readonly coolingOffNotANumber?: boolean;
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
  if (
    form.coolingOffNotANumber === true ||
    form.coolingOff.trim() === '' ||
    !Number.isInteger(seconds) ||
    seconds < 5 ||
    seconds > 600
  ) {
    return {
      ok: false,
      problem: 'The cooling-off delay is a whole number of seconds from 5 to 600 (ten minutes).',
    };
  }
  return { ok: true, value: { coolingOffSeconds: seconds, defaultSendMode: form.mode } };
}

/** "45 seconds", "1 minute 30 seconds", "10 minutes": the delay read back in words. */
export function durationInWords(text: string): string | null {
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isInteger(seconds) || seconds < 0) return null;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [
    minutes > 0 ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : null,
    rest > 0 || minutes === 0 ? `${rest} ${rest === 1 ? 'second' : 'seconds'}` : null,
  ].filter((p) => p !== null);
  return parts.join(' ');
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
  const words = durationInWords(form.coolingOff);
  return (
    <fieldset>
      <legend>Replies</legend>
      <UnitNumberField
        label="Cooling-off"
        accessibleName="Cooling-off delay in seconds"
        unit="seconds"
        min={5}
        max={600}
        value={form.coolingOff}
        hint={
          <>
            A reply waits this long before it goes, and you can take it back meanwhile (5 to 600
            seconds{words !== null && Number(form.coolingOff) >= 60 ? `; now ${words}` : ''}).
          </>
        }
        problem={problem}
        problemId={problemId}
        onChange={(value, notANumber) =>
          onChange({ ...form, coolingOff: value, coolingOffNotANumber: notANumber })
        }
      />
      <label className="unit-field__row">
        <span className="unit-field__label">Send replies by default</span>
        <select
          className="select-input"
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
