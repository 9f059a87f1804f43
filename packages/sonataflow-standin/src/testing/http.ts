/* eslint-disable jest/no-export -- shared helpers for the HTTP tests */
import { RunningStandin } from '../startStandin';

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

export async function graphql(
  s: RunningStandin,
  query: string,
  variables?: object,
) {
  const { body } = await postJson(`${s.url}/graphql`, { query, variables });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Polls until `check` passes or the time is up (for states reached by timers). */
export async function eventually<T>(
  fn: () => T | Promise<T>,
  check: (v: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (check(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`,
      );
    await new Promise(r => setTimeout(r, 50));
  }
}
