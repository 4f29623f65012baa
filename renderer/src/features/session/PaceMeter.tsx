import { useEffect, useState } from 'react';
import { budgetProgress } from '@shared/session';

/** A gentle sense of time: how much of the session's budget is left. Never an alarm. */
export function PaceMeter({
  startedAt,
  budgetMinutes,
}: {
  startedAt: number;
  budgetMinutes: number;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  if (budgetMinutes <= 0) return null;
  const progress = budgetProgress(startedAt, now, budgetMinutes);
  return (
    <div className="pace">
      <progress aria-label="Time in this session" max={1} value={progress.fraction} />
      <span>{progress.label}</span>
    </div>
  );
}
