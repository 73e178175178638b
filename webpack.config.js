// Build of the Excel add-in pages (taskpane, commands) and the browser workbench.
//
//   npm run build            production build into dist/
//   npm run dev-server       https://localhost:3000 for the add-in (office-addin-dev-certs; Office loads https only)
//   npm run start:workbench  http://localhost:3000/workbench.html (the standalone page: plain http is enough)
//
// Sources are TypeScript imported with explicit `.ts` extensions (tsconfig allowImportingTsExtensions);
// esbuild-loader strips the types (type checking is `npm run typecheck`). The initial chunks hold
// React, Fluent UI, the catalogue engine (and SheetJS + the zip patcher for the workbench only);
// fonts and PDF code (pdf-lib, fontkit, form templates) are separate chunks fetched by import()
// when the user generates a form.
//
// Programmatic use (test/e2e, bench): `import config from './webpack.config.js'` and call
// `config({ outputPath, pages: ['workbench'] }, { mode: 'production' })`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PORT = 3000;

/** Pages: entry module, html template (optional), whether the page runs inside Office. */
const PAGES = {
  taskpane: { entry: 'addin/taskpane/index.ts', template: 'addin/taskpane/taskpane.html', office: true, title: '政务公开 · 任务窗格' },
  // Owned by the ribbon commands work; skipped while addin/commands/commands.ts does not exist.
  commands: { entry: 'addin/commands/commands.ts', template: 'addin/commands/commands.html', office: true, title: '政务公开 · 命令' },
  workbench: { entry: 'addin/workbench/index.ts', template: 'addin/workbench/workbench.html', office: false, title: '政务公开工作台' },
};

const exists = (rel) => fs.existsSync(path.join(ROOT, rel));

function htmlPlugin(name, page) {
  const common = { filename: `${name}.html`, chunks: [name], title: page.title, scriptLoading: 'defer', inject: 'head' };
  const officeTag = page.office ? `<script src="${OFFICE_JS}"></script>` : '';
  if (exists(page.template)) {
    return new HtmlWebpackPlugin({ ...common, template: path.join(ROOT, page.template), templateParameters: { title: page.title, officeScript: officeTag } });
  }
  return new HtmlWebpackPlugin({
    ...common,
    templateContent: `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>${page.title}</title>${officeTag}</head><body><div id="root"></div></body></html>`,
  });
}

/** Copies addin/assets/*.png (the ribbon and manifest icons) to assets/ in the output, dev server included. */
class CopyIconsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CopyIconsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyIconsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const dir = path.join(ROOT, 'addin/assets');
        if (!fs.existsSync(dir)) return;
        for (const name of fs.readdirSync(dir).filter((n) => /\.(png|svg|ico)$/.test(n))) {
          const file = path.join(dir, name);
          compilation.fileDependencies.add(file);
          compilation.emitAsset(`assets/${name}`, new sources.RawSource(fs.readFileSync(file)));
        }
      });
    });
  }
}

/**
 * Which server the dev server is (pure, tested in test/e2e/dev-server.test.ts): the add-in pages
 * must come over https (Office refuses http task panes), so `webpack serve` without
 * `--env workbench` is https with the office-addin-dev-certs certificate; `start:workbench`
 * serves plain http; a build (not serving) needs none.
 * @param {{ serving: boolean, workbench?: boolean }} o
 * @returns {'https' | 'http' | null}
 */
export function devServerScheme(o) {
  if (!o.serving) return null;
  return o.workbench ? 'http' : 'https';
}

/**
 * The dev server's `server` option for a scheme. https: the trusted localhost certificate of
 * office-addin-dev-certs (created and installed on first use); when that fails, a clear error
 * instead of a silent fall-back to http that Office would refuse.
 * @param {'https' | 'http' | null} scheme
 * @param {() => Promise<{ ca: Buffer, cert: Buffer, key: Buffer }>} [getCerts]
 */
export async function devServerOption(scheme, getCerts = loadDevCerts) {
  if (scheme !== 'https') return { type: 'http' };
  try {
    return { type: 'https', options: await getCerts() };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `无法取得 https://localhost:${PORT} 的开发证书（office-addin-dev-certs）：${why}\n` +
        `请运行 \`npx office-addin-dev-certs install\` 安装证书后重试；只用浏览器工作台时可运行 \`npm run start:workbench\`（http）。\n` +
        `Cannot get the development certificate for https://localhost:${PORT}: run \`npx office-addin-dev-certs install\`, or use \`npm run start:workbench\` (http) for the workbench only.`,
    );
  }
}

async function loadDevCerts() {
  const certs = await import('office-addin-dev-certs');
  const get = certs.getHttpsServerOptions ?? certs.default?.getHttpsServerOptions;
  return get();
}

/**
 * @param {{ outputPath?: string, pages?: string[], workbench?: boolean, analyze?: boolean }} env
 * @param {{ mode?: 'production' | 'development' }} argv
 */
export default async function config(env = {}, argv = {}) {
  const mode = argv.mode ?? 'production';
  const prod = mode === 'production';
  const serving = process.env.WEBPACK_SERVE === 'true';
  const wanted = env.pages ?? Object.keys(PAGES);
  const pages = Object.entries(PAGES).filter(([name, p]) => wanted.includes(name) && exists(p.entry));

  const server = await devServerOption(devServerScheme({ serving, workbench: Boolean(env.workbench) }));

  return {
    mode,
    context: ROOT,
    devtool: prod ? false : 'eval-cheap-module-source-map',
    target: ['web', 'es2020'],
    entry: Object.fromEntries(pages.map(([name, p]) => [name, `./${p.entry}`])),
    output: {
      path: env.outputPath ?? path.join(ROOT, 'dist'),
      filename: prod ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: prod ? '[name].[contenthash:8].js' : '[name].js',
      assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
      clean: true,
      publicPath: 'auto',
    },
    resolve: {
      extensions: ['.ts', '.mjs', '.js', '.json'],
      extensionAlias: { '.js': ['.ts', '.js'] },
      // Node built-ins must never reach the browser: SheetJS and fontkit ship browser builds, and a
      // stray import fails the build here instead of silently pulling in a polyfill.
      fallback: { fs: false, path: false, crypto: false, stream: false, buffer: false, process: false },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { loader: 'ts', target: 'es2020' },
        },
        // Some packages ship ESM in .js under "type": "commonjs" (chinese-days): let webpack detect it.
        { test: /\.m?js$/, type: 'javascript/auto', resolve: { fullySpecified: false } },
        // Fonts are files fetched on demand (3 MB), never inlined into a chunk.
        { test: /\.(ttf|otf)$/, type: 'asset/resource' },
      ],
    },
    plugins: [...pages.map(([name, p]) => htmlPlugin(name, p)), new CopyIconsPlugin()],
    optimization: {
      // Initial chunks stay one file per page; import() chunks are split as webpack sees fit.
      splitChunks: { chunks: 'async' },
    },
    performance: {
      hints: prod ? 'warning' : false,
      // The goal in bench/addin-taskpane.ts is on gzip size; these are raw sizes.
      maxEntrypointSize: 1_600_000,
      maxAssetSize: 4_000_000,
      assetFilter: (f) => f.endsWith('.js'),
    },
    stats: 'errors-warnings',
    devServer: {
      port: PORT,
      host: 'localhost',
      server,
      hot: false,
      liveReload: true,
      open: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
}
