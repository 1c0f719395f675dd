import { useCallback, useMemo, useState } from 'react';
import { AdvLeaderboard, AdvProvider, AdvShareFeed, type AdvShareEvent } from '@advocacy/react';
import { tokenProviderFor, type DemoEmployee } from './auth.js';

interface Props {
  readonly employees: readonly DemoEmployee[];
}

/** A small intranet page: the share feed and the leaderboard, acting as one demo employee. */
export function App({ employees }: Props) {
  const [employeeId, setEmployeeId] = useState(employees[0]?.id ?? '');
  const [lastShare, setLastShare] = useState<AdvShareEvent['detail']>();
  // A new function only when the employee changes: the provider builds a new client for a new getToken.
  const getToken = useMemo(() => tokenProviderFor(employeeId), [employeeId]);
  const onShare = useCallback((event: AdvShareEvent) => setLastShare(event.detail), []);

  return (
    <main>
      <h1>Northwind intranet</h1>
      <p>
        <label>
          Signed in as{' '}
          <select value={employeeId} onChange={(event) => setEmployeeId(event.target.value)}>
            {employees.map((employee) => (
              <option key={employee.id} value={employee.id}>
                {employee.name} ({employee.team})
              </option>
            ))}
          </select>
        </label>
      </p>
      {/* apiUrl is this page's origin: the dev server forwards /v1 to the API (see vite.config.ts). */}
      <AdvProvider apiUrl={location.origin} getToken={getToken} locale="en">
        <p role="status">
          {lastShare ? `Shared on ${lastShare.network}: ${lastShare.share.trackedUrl}` : 'Pick a post, edit it if you like, and share it.'}
        </p>
        <div className="columns">
          <section aria-labelledby="share-heading">
            <h2 id="share-heading">Share this week's news</h2>
            <AdvShareFeed limit={5} networks="linkedin x bluesky" onAdvShare={onShare} />
          </section>
          <section aria-labelledby="leaderboard-heading">
            <h2 id="leaderboard-heading">Top ambassadors</h2>
            <AdvLeaderboard period="month" limit={10} onAdvError={(event) => console.error(event.detail.error)} />
          </section>
        </div>
      </AdvProvider>
    </main>
  );
}
