import pg from 'pg';

const RECONNECT_DELAYS_MS = [100, 250, 500, 1_000, 2_000];

/**
 * `LISTEN` on a dedicated connection (a pooled one would be handed to
 * queries and lose it). When the connection drops it is opened again, with
 * backoff, for as long as nobody stops it; `onGap` is called once it is back,
 * since notifications sent meanwhile are lost.
 */
export async function listenOnPostgres(
  connectionString: string,
  channel: string,
  onMessage: (payload: string) => void,
  onGap: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;
  const quoted = `"${channel.replaceAll('"', '""')}"`;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString, application_name: 'advocacy-server listener' });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onMessage(message.payload);
    });
    next.on('error', () => lose(next));
    next.on('end', () => lose(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${quoted}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (stopped) await next.end().catch(() => {});
    else client = next;
  };

  const tryAgain = (): void => {
    retry = undefined;
    if (stopped) return;
    connect().then(
      () => {
        attempt = 0;
        onGap();
      },
      () => {
        retry = setTimeout(tryAgain, RECONNECT_DELAYS_MS[Math.min(attempt++, RECONNECT_DELAYS_MS.length - 1)]);
      },
    );
  };

  const lose = (lost: pg.Client): void => {
    if (stopped || client !== lost) return;
    client = undefined;
    void lost.end().catch(() => {});
    retry = setTimeout(tryAgain, RECONNECT_DELAYS_MS[0]);
  };

  // A first connection that fails is retried like a lost one: caches fall back on their TTL meanwhile.
  await connect().catch(() => {
    retry = setTimeout(tryAgain, RECONNECT_DELAYS_MS[0]);
  });
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const last = client;
    client = undefined;
    await last?.end().catch(() => {});
  };
}
