import { useId, useRef, useState } from 'react';
import {
  CADENCE_PRESETS,
  cadenceLabel,
  parseCustomCadence,
  type CadenceUnit,
} from '@shared/keep-in-touch';

const CUSTOM = 'custom';

interface Props {
  /** The visible label ("Keep in touch with Mira"). */
  readonly label: string;
  readonly days: number | null;
  readonly onChange: (days: number | null) => void;
  readonly className?: string;
  /** Focus the choice when shown (opened from a "Change how often" button). */
  readonly autoFocus?: boolean;
}

/**
 * How often to keep in touch: no reminder, a preset, or "Custom…" — a whole number of days or
 * weeks, checked, with what is wrong said next to it.
 */
export function CadencePicker({ label, days, onChange, className, autoFocus }: Props) {
  const id = useId();
  const [custom, setCustom] = useState(false);
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<CadenceUnit>('days');
  const [error, setError] = useState<string | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const choices =
    days === null || CADENCE_PRESETS.some((c) => c.days === days)
      ? CADENCE_PRESETS
      : [...CADENCE_PRESETS, { days, label: cadenceLabel(days) }];

  const apply = (): void => {
    const parsed = parseCustomCadence(amount, unit);
    if (!parsed.ok) {
      setError(parsed.error);
      amountRef.current?.focus();
      return;
    }
    setError(null);
    setCustom(false);
    onChange(parsed.days);
  };

  return (
    <div className={`cadence ${className ?? ''}`}>
      <label className="field cadence__choice">
        <span>{label}</span>
        <select
          autoFocus={autoFocus}
          value={custom ? CUSTOM : days === null ? '' : String(days)}
          onChange={(event) => {
            const value = event.target.value;
            if (value === CUSTOM) {
              setCustom(true);
              setError(null);
              return;
            }
            setCustom(false);
            onChange(value === '' ? null : Number(value));
          }}
        >
          <option value="">No reminder</option>
          {choices.map((c) => (
            <option key={c.days} value={c.days}>
              {c.label}
            </option>
          ))}
          <option value={CUSTOM}>Custom…</option>
        </select>
      </label>
      {custom ? (
        <form
          className="cadence__custom"
          aria-label="Custom cadence"
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          <label className="field cadence__amount">
            <span>Every</span>
            <input
              ref={amountRef}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              size={4}
              value={amount}
              aria-invalid={error === null ? undefined : true}
              aria-describedby={error === null ? undefined : `${id}-error`}
              onChange={(event) => setAmount(event.target.value)}
            />
          </label>
          <label className="field cadence__unit">
            <span className="visually-hidden">Days or weeks</span>
            <select value={unit} onChange={(event) => setUnit(event.target.value as CadenceUnit)}>
              <option value="days">days</option>
              <option value="weeks">weeks</option>
            </select>
          </label>
          <button type="submit" className="button button--small">
            Set
          </button>
          {error === null ? null : (
            <p id={`${id}-error`} className="field-problem cadence__error" role="alert">
              {error}
            </p>
          )}
        </form>
      ) : null}
    </div>
  );
}
