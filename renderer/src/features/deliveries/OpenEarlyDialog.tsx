import { useEffect, useState } from 'react';
import { Dialog } from '../../ui/Dialog';

/** How long the deliberate pause before opening early lasts. */
export const EARLY_OPENING_PAUSE_MS = 10_000;

interface Props {
  readonly open: boolean;
  readonly nextDeliveryText: string | null;
  readonly onCancel: () => void;
  readonly onOpen: (reason: string) => Promise<void>;
}

/**
 * Opening between deliveries is possible, but deliberate: a short pause, and a reason in the
 * user's own words, which the delivery history keeps.
 */
export function OpenEarlyDialog({ open, nextDeliveryText, onCancel, onOpen }: Props) {
  const [reason, setReason] = useState('');
  const [startedAt, setStartedAt] = useState(0);
  const [now, setNow] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    const start = Date.now();
    setStartedAt(start);
    setNow(start);
    setReason('');
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [open]);

  const elapsed = Math.min(EARLY_OPENING_PAUSE_MS, Math.max(0, now - startedAt));
  const paused = elapsed >= EARLY_OPENING_PAUSE_MS;
  const ready = paused && reason.trim().length >= 3 && !busy;

  const submit = async (): Promise<void> => {
    setBusy(true);
    try {
      await onOpen(reason.trim());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} title="Open the inbox early?" onClose={onCancel}>
      <p>
        {nextDeliveryText === null
          ? 'Nothing is scheduled right now.'
          : `Your next delivery comes ${nextDeliveryText}.`}{' '}
        Opening early is fine — just make it a choice. It is noted in your delivery history.
      </p>
      <label className="field">
        <span>What brings you here now?</span>
        <textarea
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder="For example: waiting for Mira's answer about Saturday"
          required
        />
      </label>
      <div className="pause">
        <progress
          aria-label="A short pause before opening"
          max={EARLY_OPENING_PAUSE_MS}
          value={elapsed}
        />
        <span aria-live="polite">{paused ? 'Ready when you are.' : 'Take a breath…'}</span>
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          Not now
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!ready}
          onClick={() => void submit()}
        >
          Open now
        </button>
      </div>
    </Dialog>
  );
}
