import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer of the fault server. */
export type Fault =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: string; headers?: Record<string, string> }
  /** Closes the connection without an answer. */
  | { kind: 'drop' }
  /** Sends headers and half a JSON body, then closes. */
  | { kind: 'truncate' }
  /** Answers after `ms`. */
  | { kind: 'slow'; ms: number; body: unknown };

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FaultServer {
  baseUrl: string;
  /** Answers for the next requests to `path`, in order; the last one repeats. */
  script(path: string, ...faults: Fault[]): void;
  /** Requests received so far for a path. */
  seen(path: string): SeenRequest[];
  close(): Promise<void>;
}

function answer(response: ServerResponse, fault: Fault): void {
  switch (fault.kind) {
    case 'drop':
      response.socket?.destroy();
      return;
    case 'truncate':
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"status":"ok","vers');
      setTimeout(() => response.socket?.destroy(), 5);
      return;
    case 'slow':
      setTimeout(() => answer(response, { kind: 'json', status: 200, body: fault.body }), fault.ms);
      return;
    case 'json':
      response.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      response.end(JSON.stringify(fault.body));
      return;
    case 'raw':
      response.writeHead(fault.status, fault.headers);
      response.end(fault.body);
  }
}

/** A small HTTP server on loopback that misbehaves on cue, for the SDK's chaos tests. */
export async function startFaultServer(): Promise<FaultServer> {
  const scripts = new Map<string, Fault[]>();
  const requests = new Map<string, SeenRequest[]>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const seen = requests.get(path) ?? [];
      seen.push({ method: request.method ?? '', path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      requests.set(path, seen);
      const queue = scripts.get(path) ?? [];
      const fault = queue.length > 1 ? queue.shift() : queue[0];
      answer(response, fault ?? { kind: 'json', status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    script: (path, ...faults) => {
      scripts.set(path, faults);
      requests.delete(path);
    },
    seen: (path) => requests.get(path) ?? [],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
