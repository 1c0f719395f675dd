// getToken() for a demo employee, shared by the demo intranet and the demo console.

/** Ask for a new token this long before the current one expires. */
const RENEW_BEFORE_MS = 60_000;

/**
 * A getToken() for one employee: one demo token at a time, shared by every
 * widget's requests, renewed shortly before it expires or after a failure.
 * @param {{ demo: { token: (employeeId: string) => Promise<{ token: string, expiresAt: string }> } }} demoApi an SDK client
 * @param {string} employeeId
 */
export function demoTokenProvider(demoApi, employeeId) {
  /** @type {Promise<{ token: string, expiresAt: string }> | undefined} */
  let pending;
  return async () => {
    const cached = pending;
    if (cached) {
      const current = await cached.catch(() => undefined);
      if (current && Date.parse(current.expiresAt) - Date.now() > RENEW_BEFORE_MS) return current.token;
      // Another request already asked for the next token while this one waited: share it.
      if (pending !== cached && pending) return (await pending).token;
    }
    pending = demoApi.demo.token(employeeId);
    return (await pending).token;
  };
}
