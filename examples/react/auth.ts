// Where the employee's token comes from. In a real intranet this is the host's
// own sign-in (MSAL, SPFx's AadTokenProvider, your SSO session endpoint): the
// widgets only need a function that returns a current JWT. Here the reference
// server's demo mode stands in for it: GET /v1/demo lists the demo employees
// and POST /v1/demo/token signs a one-hour token for one of them (both answer
// only clients on the same machine).
import type { TokenProvider } from '@advocacy/sdk';

export interface DemoEmployee {
  readonly id: string;
  readonly name: string;
  readonly team: string;
}

/** The demo organisation's employees. */
export async function demoEmployees(): Promise<DemoEmployee[]> {
  const response = await fetch('/v1/demo');
  if (!response.ok) throw new Error(`GET /v1/demo answered ${response.status}: is the server running in demo mode (npm start)?`);
  const demo = (await response.json()) as { employees: DemoEmployee[] };
  return demo.employees;
}

/**
 * A getToken for one employee: asks for a token once, reuses it until a
 * minute before it expires, and shares one request between callers that ask
 * at the same time.
 */
export function tokenProviderFor(employeeId: string): TokenProvider {
  let current: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return async () => {
    if (current && Date.now() < current.renewAt) return current.token;
    pending ??= (async () => {
      try {
        const response = await fetch('/v1/demo/token', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ employeeId }),
        });
        if (!response.ok) throw new Error(`POST /v1/demo/token answered ${response.status}.`);
        const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
        current = { token, renewAt: Date.parse(expiresAt) - 60_000 };
        return token;
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };
}
