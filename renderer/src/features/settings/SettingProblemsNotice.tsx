import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../app/database-context';
import { settingProblems } from '../../db/repositories/settings';

/**
 * Says so when a stored setting cannot be read (damaged, or saved by a newer version), and what
 * Slowpost does meanwhile. Quiet, and only while it is true: saving the setting again clears it.
 */
export function SettingProblemsNotice({
  onOpenSettings,
}: {
  readonly onOpenSettings?: () => void;
}) {
  const db = useDatabase();
  const problems = useLiveQuery(() => settingProblems(db), [db]);
  if (problems === undefined || problems.length === 0) return null;
  return (
    <section className="setting-problems" aria-label="Settings that could not be read">
      {problems.map((problem) => (
        <div key={problem.key} className="setting-problems__item">
          <p>
            Slowpost could not read {problem.about}. {problem.meanwhile}
          </p>
          <details>
            <summary>What is wrong with it</summary>
            <p>{problem.detail}</p>
          </details>
        </div>
      ))}
      {onOpenSettings !== undefined && problems.some((p) => p.key !== 'demo') ? (
        <button type="button" className="button" onClick={onOpenSettings}>
          Open Settings
        </button>
      ) : null}
    </section>
  );
}
