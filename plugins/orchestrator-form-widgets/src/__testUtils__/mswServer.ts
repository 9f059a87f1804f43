import { setupServer } from 'msw/node';

/**
 * One msw server per test file that fails on unhandled requests and records
 * every request it saw, so tests can assert a URL was never requested.
 */
export function setupRecordingServer() {
  const server = setupServer();
  const seen: Request[] = [];
  server.events.on('request:start', ({ request }) => {
    seen.push(request.clone());
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
  return { server, seen };
}
