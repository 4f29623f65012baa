import { useRef, useState } from 'react';
import { useDatabase } from '../../app/database-context';
import { removeDemo } from '../../db/repositories/demo';

/**
 * The demo is always labelled as such, and leaves with one action (and one confirmation, since it
 * takes every sample conversation with it).
 */
export function DemoNotice() {
  const db = useDatabase();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      await removeDemo(db, Date.now());
      dialogRef.current?.close();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      className="demo-notice"
      role="note"
      aria-label="Demo network"
      title="These are sample people and conversations, to look around."
    >
      <span className="demo-notice__badge">Demo</span>
      <span className="demo-notice__text">
        These are sample people and conversations, to look around.
      </span>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() => dialogRef.current?.showModal()}
      >
        Remove demo data
      </button>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby="remove-demo-title"
        aria-describedby="remove-demo-text"
      >
        <h2 id="remove-demo-title">Remove the demo?</h2>
        <p id="remove-demo-text">
          Every sample person, conversation and draft goes. Your own accounts are not touched. You
          can bring the demo back from the empty inbox.
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            Keep it
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void confirm()}
          >
            Remove demo data
          </button>
        </div>
      </dialog>
    </div>
  );
}
