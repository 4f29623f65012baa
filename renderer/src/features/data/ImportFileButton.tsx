import { useRef, useState } from 'react';
import { readExportChunks } from '@shared/export/export-file';
import { useDatabase } from '../../app/database-context';
import { importExport, type ImportSummary } from '../../db/repositories/import-store';
import { fileTextChunks } from './file-text-chunks';

/**
 * Reads a Slowpost export the user picks, checks all of it, and only then merges it into the store
 * (in one transaction). A file that cannot be imported is refused with the reason; nothing changes.
 */
export function ImportFileButton({
  label = 'Import an export…',
  onImported,
}: {
  readonly label?: string;
  readonly onImported?: (summary: ImportSummary) => void;
}) {
  const db = useDatabase();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const read = async (file: File): Promise<void> => {
    setBusy(true);
    setProblem(null);
    setStatus(`Reading ${file.name}…`);
    try {
      const reading = await readExportChunks(fileTextChunks(file));
      if (!reading.ok) {
        setStatus(null);
        setProblem(`${file.name} was not imported. ${reading.error}`);
        return;
      }
      const summary = await importExport(db, reading.file);
      setStatus(`Imported ${file.name}: ${summaryText(summary)}`);
      onImported?.(summary);
    } catch (error) {
      setStatus(null);
      setProblem(
        `${file.name} was not imported, and nothing changed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setBusy(false);
      if (input.current !== null) input.current.value = '';
    }
  };

  return (
    <div className="data__action">
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Slowpost export file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file !== undefined) void read(file);
        }}
      />
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

export function summaryText({ added, updated, unchanged }: ImportSummary): string {
  const n = (count: number): string => count.toLocaleString();
  if (added + updated === 0) return `nothing new: all ${n(unchanged)} records were already here.`;
  return `${n(added)} added, ${n(updated)} updated, ${n(unchanged)} already here.`;
}
