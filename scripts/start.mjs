#!/usr/bin/env node
// `yarn start`: the SonataFlow stand-in (sample workflows loaded) plus the Backstage app and backend.
// Each child gets its own process group so Ctrl-C (or a test harness's SIGTERM) stops the whole tree.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const children = [];

function run(name, args) {
  const child = spawn('yarn', args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: process.env,
  });
  const prefix = `[${name}] `;
  const forward = out => chunk =>
    out.write(
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .map(line => prefix + line)
        .join('\n') + '\n',
    );
  child.stdout.on('data', forward(process.stdout));
  child.stderr.on('data', forward(process.stderr));
  child.on('exit', code => {
    console.log(`${prefix}exited with ${code}`);
    stop(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(code), 500);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('standin', ['start:standin']);
run('backstage', ['start:backstage']);
