import type { ReactNode } from 'react';
import { FieldProblem } from './FieldProblem';

interface Props {
  /** What the number is, shown before the field ("Time budget"). */
  readonly label: string;
  /** The field's accessible name, which says the unit too ("Time budget in minutes"). */
  readonly accessibleName: string;
  /** The unit, shown after the field ("minutes"). */
  readonly unit: string;
  readonly value: string;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  /** A quiet line under the field ("0 for no budget"). */
  readonly hint?: ReactNode;
  readonly problem: string | null;
  readonly problemId: string;
  /** The text as it is now, and whether it is not a number at all (the browser then says ''). */
  readonly onChange: (value: string, notANumber: boolean) => void;
}

/** A number with its unit beside it ("[20] minutes"), so it cannot be read as anything else. */
export function UnitNumberField({
  label,
  accessibleName,
  unit,
  value,
  min,
  max,
  step = 1,
  hint,
  problem,
  problemId,
  onChange,
}: Props) {
  return (
    <div className="unit-field">
      <label className="unit-field__row">
        <span className="unit-field__label">{label}</span>
        <span className="unit-field__control">
          <input
            type="number"
            className="number-input"
            inputMode="numeric"
            min={min}
            max={max}
            step={step}
            aria-label={accessibleName}
            aria-invalid={problem !== null}
            aria-describedby={problem === null ? undefined : problemId}
            value={value}
            onChange={(event) => onChange(event.target.value, event.target.validity.badInput)}
          />
          <span className="unit-field__unit" aria-hidden="true">
            {unit}
          </span>
        </span>
      </label>
      {hint === undefined ? null : <p className="hint unit-field__hint">{hint}</p>}
      <FieldProblem id={problemId} messages={problem === null ? [] : [problem]} />
    </div>
  );
}
