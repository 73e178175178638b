/**
 * The dev server's scheme: https for the add-in (Office loads no http task pane), plain http for
 * `npm run start:workbench`, none for a build; and a clear error when the certificate cannot be had.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import makeConfig, { devServerOption, devServerScheme } from '../../webpack.config.js';
import { ROOT } from './browser.ts';

describe('dev server https / http', () => {
  it('chooses https for the add-in, http for the workbench, nothing for a build', () => {
    expect(devServerScheme({ serving: true })).toBe('https');
    expect(devServerScheme({ serving: true, workbench: false })).toBe('https');
    expect(devServerScheme({ serving: true, workbench: true })).toBe('http');
    expect(devServerScheme({ serving: false })).toBeNull();
    expect(devServerScheme({ serving: false, workbench: true })).toBeNull();
  });

  it('https uses the office-addin-dev-certs options; a failure says how to fix it, never falls back to http', async () => {
    const certs = { ca: Buffer.from('ca'), cert: Buffer.from('cert'), key: Buffer.from('key') };
    await expect(devServerOption('https', async () => certs)).resolves.toEqual({ type: 'https', options: certs });
    await expect(devServerOption('http', () => Promise.reject(new Error('unused')))).resolves.toEqual({ type: 'http' });
    await expect(devServerOption(null)).resolves.toEqual({ type: 'http' });
    await expect(devServerOption('https', () => Promise.reject(new Error('no CA store')))).rejects.toThrow(/no CA store[\s\S]*npx office-addin-dev-certs install/);
  });

  it('office-addin-dev-certs is a devDependency, the scripts and the manifest use https://localhost:3000', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.devDependencies['office-addin-dev-certs']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.scripts['start:workbench']).toContain('--env workbench');
    expect(pkg.scripts['dev-server']).not.toContain('workbench');
    expect(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    // a production build is not a dev server: no certificate asked for
    const prev = process.env.WEBPACK_SERVE;
    delete process.env.WEBPACK_SERVE;
    try {
      const cfg = await makeConfig({ outputPath: path.join(ROOT, 'test-output/unused'), pages: ['workbench'] }, { mode: 'production' });
      expect((cfg as { devServer?: { server?: unknown } }).devServer?.server).toEqual({ type: 'http' });
    } finally {
      if (prev !== undefined) process.env.WEBPACK_SERVE = prev;
    }
  });
});
