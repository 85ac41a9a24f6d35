/**
 * Compression for every reply, and the built web app with caching that fits each file:
 * - replies (the JSON API, index.html, scripts and styles) are brotli or gzip when the browser
 *   accepts it and they are over 1 KB; scripts and styles the build compressed already (file.br,
 *   file.gz, made at their best by vite.config.ts) are sent as they are;
 * - `/assets/*` carry a hash of their content in their name, so browsers keep them a year
 *   without asking again (`immutable`); index.html, which names them, is checked every time
 *   (`no-cache`, answered 304 while unchanged);
 * - a missing file (`/favicon.ico`, an asset of an older build) is a 404, never the app's page,
 *   which the browser would otherwise read as a script or an icon.
 */
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

/** Registers compression for the routes registered after it: call before any route. */
export async function registerCompression(app: FastifyInstance) {
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    // Requests are read as sent: a compressed request body stays refused, as before.
    globalDecompression: false,
  });
}

/** A path that names a file, not a page of the app: under /assets, or ending in an extension. */
const FILE = /^\/assets\/|\.(?:ico|png|svg|jpe?g|gif|webp|js|mjs|css|map|txt|xml|json|webmanifest|woff2?)$/i;

const notFound = { error: { code: 'not_found', message: 'No such route.' } };

/** Serves the built web app in `webDist`; pages of the app get index.html. */
export async function registerWebApp(app: FastifyInstance, webDist: string) {
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    // The build's brotli and gzip copies (vite.config.ts), sent for the file when the browser takes
    // them; they are not addresses of their own.
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders(res, file) {
      const assets = path.join(webDist, 'assets') + path.sep;
      res.setHeader('cache-control', file.startsWith(assets) ? IMMUTABLE : NO_CACHE);
    },
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') return reply.status(404).send(notFound);
    const pathname = req.url.split('?')[0] ?? '';
    if (FILE.test(pathname)) {
      return reply.status(404).header('cache-control', NO_CACHE).type('text/plain').send('Not found.');
    }
    return reply.sendFile('index.html');
  });
}
