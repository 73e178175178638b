/**
 * Shared plumbing for the browser tests and the task-pane benchmark: build the pages once with
 * webpack (production, into a directory of our choice), serve them on localhost, and drive the
 * system Chromium with playwright-core.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import webpack from 'webpack';
import makeConfig from '../../webpack.config.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface BuildResult {
  outDir: string;
  /** Emitted files with their sizes and whether webpack loads them initially for the page. */
  assets: { name: string; size: number; chunkNames: string[] }[];
  /** Entry name -> files of its initial chunks (JS), as webpack reports them. */
  entrypoints: Record<string, string[]>;
  ms: number;
}

/** Production build of the given pages (default: all) into outDir. */
export async function buildPages(outDir: string, pages?: string[]): Promise<BuildResult> {
  const t0 = performance.now();
  const config = await makeConfig({ outputPath: outDir, pages }, { mode: 'production' });
  const compiler = webpack({ ...config, performance: { hints: false }, infrastructureLogging: { level: 'error' } });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, s) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (!s) reject(new Error('webpack returned no stats'));
      else resolve(s);
    }),
  );
  if (stats.hasErrors()) throw new Error(`webpack build failed:\n${stats.toString({ all: false, errors: true })}`);
  const json = stats.toJson({ all: false, assets: true, entrypoints: true });
  const entrypoints: Record<string, string[]> = {};
  for (const [name, ep] of Object.entries(json.entrypoints ?? {})) {
    entrypoints[name] = (ep.assets ?? []).map((a) => a.name).filter((n) => n.endsWith('.js'));
  }
  return {
    outDir,
    assets: (json.assets ?? []).map((a) => ({ name: a.name, size: a.size, chunkNames: (a.chunkNames ?? []).map(String) })),
    entrypoints,
    ms: performance.now() - t0,
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** A static file server for a built directory on 127.0.0.1 (a free port). */
export async function serveDir(dir: string, o: { gzip?: boolean } = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://localhost');
    const file = path.resolve(root, '.' + decodeURIComponent(u.pathname));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = fs.readFileSync(file);
    res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-store');
    if (o.gzip && /\.(js|html)$/.test(file)) {
      void import('node:zlib').then((z) => {
        res.setHeader('Content-Encoding', 'gzip');
        res.end(z.gzipSync(body));
      });
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
