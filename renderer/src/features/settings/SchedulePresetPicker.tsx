import { useId } from 'react';
import type { ScheduleSettings } from '@shared/schedule';
import {
  DELIVERY_PRESETS,
  matchingDeliveryPreset,
  scheduleFromPresets,
} from '@shared/schedule/schedule-presets';

interface Props {
  readonly value: ScheduleSettings;
  readonly onChange: (next: ScheduleSettings) => void;
}

/**
 * The ready-made delivery schedules as one choice: picking one replaces every day's delivery
 * times and keeps the focus windows. The preset the times match is shown as chosen; times of the
 * user's own match none.
 */
export function SchedulePresetPicker({ value, onChange }: Props) {
  const name = useId();
  const chosen = matchingDeliveryPreset(value.deliveries)?.id;
  return (
    <fieldset className="preset-picker">
      <legend>Start from a schedule</legend>
      <div className="preset-picker__options">
        {DELIVERY_PRESETS.map((preset) => (
          <label key={preset.id} className="preset-picker__option">
            <input
              type="radio"
              name={name}
              value={preset.id}
              checked={chosen === preset.id}
              onChange={() =>
                onChange({
                  ...value,
                  deliveries: scheduleFromPresets(preset, []).deliveries,
                })
              }
            />
            <span className="preset-picker__text">
              <span className="preset-picker__name">{preset.name}</span>
              <span className="preset-picker__description">{preset.description}</span>
            </span>
          </label>
        ))}
      </div>
      {chosen === undefined ? (
        <p className="hint">Your own times: none of these ready-made schedules.</p>
      ) : null}
    </fieldset>
  );
}
