import { useId } from 'react';
import { ExportButton } from './ExportButton';
import { ImportFileButton } from './ImportFileButton';

/** Settings' "Your data": everything to one file, and such a file back in. */
export function YourDataSection() {
  const headingId = useId();
  return (
    <section className="data" aria-labelledby={headingId}>
      <h3 id={headingId}>Your data</h3>
      <p className="hint">
        One file with your conversations, people and private notes, keep-in-touch, drafts, outbox,
        settings and delivery history, to keep or to take to another computer. Sign-ins are never in
        it: sign in again there. Importing merges: nothing here is lost or doubled, and importing
        the same file twice changes nothing.
      </p>
      <div className="data__actions">
        <ExportButton />
        <ImportFileButton />
      </div>
    </section>
  );
}
