import { useState } from 'react';
import { useDatabase } from '../../app/database-context';
import { exportFileName, exportStore } from '../../db/repositories/export-store';

/**
 * Writes everything to one file the user saves where they like: a download the desktop app turns
 * into its save dialog (see electron/main/window/export-downloads.ts), a download in the browser host.
 */
export function ExportButton() {
  const db = useDatabase();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    setStatus('Writing your export…');
    try {
      const now = Date.now();
      const { blob, records } = await exportStore(db, now);
      const name = exportFileName(now);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus(`Exported ${records.toLocaleString()} records as ${name}.`);
    } catch (error) {
      setStatus(null);
      setProblem(
        `The export could not be written: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="data__action">
      <button type="button" className="button" disabled={busy} onClick={() => void run()}>
        Export everything…
      </button>
      <p className="hint" aria-live="polite">
        {status}
      </p>
      {problem === null ? null : (
        <p role="alert" className="data__problem">
          {problem}
        </p>
      )}
    </div>
  );
}
