import type { SessionSummary as Summary } from '@shared/session';

/** The end of a session: what was done, and a clear way to close the inbox until next time. */
export function SessionSummary({
  summary,
  onClose,
  onBack,
  canGoBack,
}: {
  summary: Summary;
  onClose: () => void;
  onBack: () => void;
  canGoBack: boolean;
}) {
  return (
    <section className="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Done for now</h2>
      <p>{summary.text}</p>
      <div className="summary__actions">
        {canGoBack ? (
          <button type="button" className="button" onClick={onBack}>
            Back to the session
          </button>
        ) : null}
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          Close until the next delivery
        </button>
      </div>
    </section>
  );
}
