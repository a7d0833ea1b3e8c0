// A small static file server for web/ (the passport page): GET and HEAD of files under one
// folder, with their MIME types, on 127.0.0.1. No dependency beyond Node.js.
//
//   node scripts/web-server.mjs [--root DIR] [--port N] [--path PAGE]
//
// --root defaults to web/ beside this script; --port 0 (the default) takes a free port;
// --path is the page the printed URL points at. Stops on Ctrl-C.
// Tests import startWebServer instead.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, relative, isAbsolute, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the files under `root` on 127.0.0.1:`port` (0: a free port).
 * Returns { url, close }, `url` ending in a slash.
 */
export async function startWebServer({ root, port = 0 }) {
  const base = await realpath(root);
  const server = createServer((req, res) => {
    serve(base, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function serve(base, req, res) {
  const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    reply(res, 405, { ...headers, Allow: 'GET, HEAD' }, 'Method not allowed\n');
    return;
  }
  const { pathname } = new URL(req.url, 'http://localhost');
  let file = await inside(base, pathname);
  let info = file && await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    // The page's relative links (./passport.js) only work from the folder's own URL.
    if (!pathname.endsWith('/')) {
      const { search } = new URL(req.url, 'http://localhost');
      reply(res, 301, { ...headers, Location: `${pathname}/${search}` }, '');
      return;
    }
    file = await inside(base, `${pathname}index.html`);
    info = file && await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    reply(res, 404, headers, 'Not found\n');
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/** The real path of `pathname` if it exists and lies under `base` (no `..`, no symlink out). */
async function inside(base, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const real = await realpath(join(base, decoded)).catch(() => null);
  if (!real) return null;
  const rel = relative(base, real);
  if (rel === '') return real;
  return rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel) ? null : real;
}

function reply(res, status, headers, text) {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: fileURLToPath(new URL('../web/', import.meta.url)) },
      port: { type: 'string', default: '0' },
      path: { type: 'string', default: '' },
    },
  });
  const { url, close } = await startWebServer({ root: values.root, port: Number(values.port) });
  console.log(`Serving ${values.root} at ${url}`);
  console.log(`Open: ${url}${values.path.replace(/^\//, '')}`);
  console.log('Stop with Ctrl-C.');
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => close().then(() => process.exit(0)));
  }
}
