/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */

// POSIX-style path arithmetic without node:path, so the package stays browser-safe.

const isAbsoluteUri = (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value);

/** The folder part of a relative location ('' for a file at the root). */
export function dirnameOf(location: string): string {
  const index = location.lastIndexOf('/');
  return index < 0 ? '' : location.slice(0, index);
}

/**
 * Resolves `reference` against the folder `baseDir`, collapsing `.` and `..` segments. Leading
 * `..` segments that climb above the root are kept; the loader decides what they mean.
 */
export function joinLocation(baseDir: string, reference: string): string {
  if (isAbsoluteUri(reference)) return reference;
  if (isAbsoluteUri(baseDir)) return new URL(reference, `${baseDir}/`).href;
  const segments = reference.startsWith('/')
    ? []
    : baseDir.split('/').filter(Boolean);
  for (const segment of reference.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length && segments.at(-1) !== '..') {
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return `${reference.startsWith('/') ? '/' : ''}${segments.join('/')}`;
}

/** Reads a JSON pointer (`/a/b~1c`) inside a document. */
export function readPointer(document: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return document;
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map(part =>
      decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'),
    )
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[key]
          : undefined,
      document,
    );
}
