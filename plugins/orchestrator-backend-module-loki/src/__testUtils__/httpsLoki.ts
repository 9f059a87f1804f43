import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** The test CA's certificate (see README.md here for how the fixtures were made). */
export const TEST_CA_FILE = join(__dirname, 'ca.pem');
export const TEST_CA = readFileSync(TEST_CA_FILE, 'utf8');
/** A CA that signed nothing the server uses. */
export const OTHER_CA = readFileSync(join(__dirname, 'other-ca.pem'), 'utf8');

/** A line the local Loki answers for every query. */
export const TEST_LINE = 'INFO run-1 Entered state Greet';

/**
 * A real HTTPS server on 127.0.0.1 (a free port) answering Loki's `query_range` with one line,
 * with the fixture certificate signed by the test CA. msw cannot stand in here: it answers
 * before any TLS handshake happens.
 */
export async function startHttpsLoki(
  options: { delayMs?: number } = {},
): Promise<{
  url: string;
  requests: number;
  connections: number;
  close(): Promise<void>;
}> {
  const state = { requests: 0, connections: 0 };
  const server: Server = createServer(
    {
      key: readFileSync(join(__dirname, 'server.key')),
      cert: readFileSync(join(__dirname, 'server.pem')),
    },
    (_request, response) => {
      state.requests += 1;
      const answer = () => {
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            status: 'success',
            data: {
              resultType: 'streams',
              result: [
                {
                  stream: { app: 'greeting' },
                  values: [['1793527201000000000', TEST_LINE]],
                },
              ],
            },
          }),
        );
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    },
  );
  server.on('secureConnection', () => {
    state.connections += 1;
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>(resolve => {
        // Keep-alive sockets of the provider's agent would hold close() open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
