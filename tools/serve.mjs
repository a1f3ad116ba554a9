// serve.mjs — a small static file server for the built site (127.0.0.1 only), with gzip and
// the right MIME types for wasm. Used by the run command and the browser tests.
//
//   node tools/serve.mjs <folder> [--port 8080]       (--port 0 picks a free port)
// Prints "Serving <folder> at http://127.0.0.1:<port>/" once listening.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream', '.png': 'image/png', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8' };

export function serve(root, port = 8080, host = '127.0.0.1') {
  root = path.resolve(root);
  const cache = new Map();  // path -> {mtime, raw, gz}
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end('bad request'); return; }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root + path.sep) && file !== root) { res.writeHead(403).end('forbidden'); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found: ' + rel); return; }
      let entry = cache.get(file);
      if (!entry || entry.mtime !== st.mtimeMs) {
        const raw = fs.readFileSync(file);
        entry = { mtime: st.mtimeMs, raw, gz: zlib.gzipSync(raw, { level: 9 }) };
        cache.set(file, entry);
      }
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      const body = gzip ? entry.gz : entry.raw;
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': body.length, 'Cache-Control': 'no-cache', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const pi = args.indexOf('--port');
  const port = pi >= 0 ? +args[pi + 1] : 8080;
  const root = args.find((a, i) => !a.startsWith('--') && i !== pi + 1) || 'build/web/site';
  if (!fs.existsSync(path.join(root, 'index.html'))) { console.error(`serve: ${root}/index.html not found: build first`); process.exit(1); }
  serve(root, port).then((s) => {
    console.log(`Serving ${root} at http://127.0.0.1:${s.address().port}/`);
  }).catch((e) => {
    console.error(`serve: cannot listen on 127.0.0.1:${port}: ${e.message}` + (e.code === 'EADDRINUSE' ? ' (try --port 0 or another port)' : ''));
    process.exit(1);
  });
}
