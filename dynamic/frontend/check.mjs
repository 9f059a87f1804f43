// Frontend part of `yarn test:dynamic`: the exported scalprum bundles of the Orchestrator and
// form-widgets plugins, loaded in Chromium by a host app (host-app.jsx) that shares its modules
// with them as RHDH's app does, against a load-test host backend running the exported backend
// plugin. A small HTTP server plays RHDH's part: it serves the host page, each dist-scalprum
// folder, and forwards /api to that backend (adding the load test's static token, since the
// host has no sign-in) and /api/proxy/demo-data to the stand-in (RHDH's proxy plugin's job).
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/lib/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const requireFromRoot = createRequire(path.join(root, 'package.json'));

/**
 * The singleton share keys of the RHDH CLI's scalprum webpack config (facts read from
 * @red-hat-developer-hub/cli 1.9.1), except @scalprum/react-core and
 * @openshift/dynamic-plugin-sdk, which our plugins do not import (the remotes keep the fallback
 * copy they bundle for anything the host does not share).
 */
const SHARED_KEYS = [
  'react',
  'react-dom',
  'react-router-dom',
  'react-router',
  '@backstage/version-bridge',
  '@backstage/core-app-api',
  '@backstage/core-plugin-api',
  '@backstage/frontend-plugin-api',
  '@material-ui/core/styles',
  '@material-ui/styles',
  '@mui/material',
  '@mui/system',
  '@mui/private-theming',
  '@mui/styled-engine',
  '@emotion/cache',
  '@emotion/react',
];

/** `@material-ui/core/styles` carries @material-ui/core's version. */
const packageOf = key =>
  key
    .split('/')
    .slice(0, key.startsWith('@') ? 2 : 1)
    .join('/');

function installedVersion(requireFrom, pkg) {
  // Not require(`${pkg}/package.json`): some packages' export maps hide it.
  let dir = path.dirname(requireFrom.resolve(pkg));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (json.name === pkg) return json.version;
    }
    dir = path.dirname(dir);
  }
  throw new Error(`no package.json found for ${pkg}`);
}

/**
 * The host app as one browser script, its shared modules from `modulesRoot`'s node_modules:
 * the workspace's (current line) or an app host folder (dynamic/hosts/rhdh-1.8-app). The entry
 * is copied there so that every import resolves in that folder and never in the workspace.
 */
export async function buildHost(outFile, modulesRoot = root) {
  const esbuild = requireFromRoot('esbuild');
  const requireFrom = createRequire(path.join(modulesRoot, 'package.json'));
  const versions = Object.fromEntries(
    SHARED_KEYS.map(k => [k, installedVersion(requireFrom, packageOf(k))]),
  );
  let entry = path.join(here, 'host-app.jsx');
  if (modulesRoot !== root) {
    const copy = path.join(modulesRoot, 'host-app.jsx');
    fs.copyFileSync(entry, copy);
    entry = copy;
  }
  const shared =
    `export const SHARED = {\n${SHARED_KEYS.map(
      k => `  ${JSON.stringify(k)}: require(${JSON.stringify(k)}),`,
    ).join('\n')}\n};\n` +
    `export const SHARED_VERSIONS = ${JSON.stringify(versions)};\n`;
  await esbuild.build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    minify: false,
    logLevel: 'error',
    nodePaths: [path.join(modulesRoot, 'node_modules')],
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'window',
    },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'dataurl' },
    plugins: [
      {
        name: 'shared-modules',
        setup(build) {
          build.onResolve({ filter: /^virtual:shared-modules$/ }, () => ({
            path: 'shared-modules',
            namespace: 'virtual',
          }));
          build.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({
            contents: shared,
            resolveDir: modulesRoot,
            loader: 'js',
          }));
        },
      },
    ],
  });
  return versions;
}

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Dynamic load test</title></head>
<body><div id="root">loading</div><script src="/host-app.js"></script></body></html>`;

const TYPES = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Forwards a request to `target` (origin + path prefix), optionally with a token. */
function forward(req, res, target, token) {
  const url = new URL(target);
  const headers = { ...req.headers, host: url.host };
  if (token) headers.authorization = `Bearer ${token}`;
  const upstream = http.request(
    {
      hostname: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: req.method,
      headers,
    },
    up => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', error => {
    res.writeHead(502);
    res.end(String(error));
  });
  req.pipe(upstream);
}

function serveFile(res, file) {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404);
    res.end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
  });
  fs.createReadStream(file).pipe(res);
}

function startServer({
  port,
  hostJs,
  remotes,
  backendPort,
  standinPort,
  token,
}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const remote = /^\/remotes\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (remote && remotes[remote[1]]) {
      const file = path.normalize(path.join(remotes[remote[1]], remote[2]));
      if (!file.startsWith(remotes[remote[1]])) {
        res.writeHead(403);
        res.end();
        return;
      }
      serveFile(res, file);
    } else if (url.pathname === '/host-app.js') {
      serveFile(res, hostJs);
    } else if (url.pathname.startsWith('/api/proxy/demo-data/')) {
      forward(
        req,
        res,
        `http://localhost:${standinPort}${url.pathname.replace(
          '/api/proxy',
          '',
        )}${url.search}`,
      );
    } else if (url.pathname.startsWith('/api/')) {
      forward(
        req,
        res,
        `http://localhost:${backendPort}${url.pathname}${url.search}`,
        token,
      );
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(PAGE);
    }
  });
  return new Promise(resolve =>
    server.listen(port, '127.0.0.1', () => resolve(server)),
  );
}

/**
 * Runs the frontend checks for one host; `attempt(name, fn)` records each. `pluginsRoot` is the
 * host's dynamic-plugins-root with the unpacked exports; `appModulesRoot` the folder whose
 * node_modules provide the page's shared modules (default: the workspace).
 */
export async function frontendChecks({
  attempt,
  label,
  pluginsRoot,
  backendPort,
  standinPort,
  serverPort,
  token,
  artifactsDir,
  workflowName,
  appModulesRoot,
}) {
  const remoteDir = prefix => {
    const folder = fs
      .readdirSync(pluginsRoot)
      .find(f => new RegExp(`^${prefix}-\\d`).test(f));
    if (!folder) throw new Error(`no ${prefix} export in ${pluginsRoot}`);
    return path.join(pluginsRoot, folder, 'dist-scalprum');
  };
  const executablePath = chromiumPath();
  if (!executablePath) {
    await attempt(label('frontend: chromium installed'), async () => {
      throw new Error('chromium not installed (apt-get install -y chromium)');
    });
    return;
  }
  const hostJs = path.join(artifactsDir, 'host-app.js');
  let server;
  let browser;
  try {
    await attempt(
      label('frontend: host app built with shared modules'),
      async () => {
        const versions = await buildHost(hostJs, appModulesRoot);
        const from = appModulesRoot
          ? path.basename(appModulesRoot)
          : 'workspace';
        return `${Object.keys(versions).length} shared from ${from} (react ${
          versions.react
        }, core-plugin-api ${
          versions['@backstage/core-plugin-api']
        }, core-app-api ${versions['@backstage/core-app-api']}, @mui/material ${
          versions['@mui/material']
        })`;
      },
    );
    let remotes;
    await attempt(
      label('frontend: exported scalprum bundles unpacked'),
      async () => {
        remotes = {
          orchestrator: remoteDir(
            'orchestrator-suite-backstage-plugin-orchestrator-dynamic',
          ),
          'form-widgets': remoteDir(
            'orchestrator-suite-backstage-plugin-orchestrator-form-widgets-dynamic',
          ),
        };
        return Object.values(remotes)
          .map(r => path.relative(pluginsRoot, r))
          .join(', ');
      },
    );
    if (!remotes) return;
    server = await startServer({
      port: serverPort,
      hostJs,
      remotes,
      backendPort,
      standinPort,
      token,
    });
    const { chromium } = requireFromRoot('playwright-core');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
    });
    const pageErrors = [];
    page.on('pageerror', e => pageErrors.push(String(e)));
    const base = `http://127.0.0.1:${serverPort}`;
    const open = async p => {
      await page.goto(`${base}${p}`);
      await page.waitForFunction(
        () => window.__hostReady || window.__hostError,
        null,
        { timeout: 60_000 },
      );
      const hostError = await page.evaluate(() => window.__hostError);
      if (hostError) throw new Error(hostError.split('\n')[0]);
    };
    // A failing page check leaves a screenshot and says what the page showed.
    const pageAttempt = (name, fn) =>
      attempt(name, async () => {
        try {
          return await fn();
        } catch (error) {
          const shot = path.join(
            artifactsDir,
            `failed-${name.replace(/\W+/g, '-').slice(-40)}.png`,
          );
          await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
          const text = (await page.innerText('body').catch(() => ''))
            .replace(/\s+/g, ' ')
            .slice(0, 300);
          throw new Error(
            `${
              error.message.split('\n')[0]
            }; the page shows: ${text} (${shot})`,
          );
        }
      });

    await pageAttempt(
      label('frontend: OrchestratorPage from the exported bundle'),
      async () => {
        await open('/orchestrator');
        await page
          .getByText(workflowName, { exact: true })
          .first()
          .waitFor({ timeout: 60_000 });
        await page.screenshot({
          path: path.join(artifactsDir, 'orchestrator-page.png'),
          fullPage: true,
        });
        // The run the backend checks started, as the page's overview reports it.
        await page.getByText('Completed').first().waitFor({ timeout: 30_000 });
        const loaded = await page.evaluate(() => window.__loadedRemotes);
        return `"${workflowName}" listed with its completed run; remotes ${loaded.join(
          ', ',
        )}`;
      },
    );
    await pageAttempt(
      label('frontend: entity Workflows tab from the exported bundle'),
      async () => {
        await open('/catalog/default/component/dynamic-example');
        await page
          .getByText('Workflows of dynamic-example')
          .waitFor({ timeout: 30_000 });
        await page
          .getByText(workflowName, { exact: true })
          .first()
          .waitFor({ timeout: 60_000 });
        await page.screenshot({
          path: path.join(artifactsDir, 'entity-workflows-tab.png'),
          fullPage: true,
        });
        return `"${workflowName}" on the tab`;
      },
    );
    await pageAttempt(
      label('frontend: run form with the exported form widgets'),
      async () => {
        // project-setup's Team dropdown and About text are ActiveDropdown / ActiveText: they
        // render only when the widgets plugin's API is in the app, and they fetch from the
        // stand-in's demo service through /api/proxy.
        await open('/orchestrator/workflows/project-setup/execute');
        await page
          .getByTestId('orchestrator-form')
          .waitFor({ timeout: 60_000 });
        await page.getByLabel('Team', { exact: false }).first().click();
        await page
          .getByRole('option', { name: 'Search', exact: true })
          .click({ timeout: 30_000 });
        await page
          .getByText('grace@example.com')
          .first()
          .waitFor({ timeout: 30_000 });
        await page.screenshot({
          path: path.join(artifactsDir, 'run-form-widgets.png'),
          fullPage: true,
        });
        return 'team options fetched, the team lead shown';
      },
    );
    if (pageErrors.length)
      console.log(
        `${label('frontend: page errors')}: ${pageErrors.join(' | ')}`,
      );
  } finally {
    await browser?.close();
    await new Promise(r => (server ? server.close(r) : r()));
  }
}
