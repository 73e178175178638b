import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReferences, main, readRibbon, validateManifest } from '../../bin/validate-manifest.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const manifest = readFileSync(resolve(ROOT, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('is valid against the Office add-in manifest XSDs, with every resid resolved', async () => {
    const r = await validateManifest(manifest);
    expect(r.problems).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('is an Excel (Workbook) task-pane add-in requiring ExcelApi 1.7, zh-CN by default with en-US overrides', () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
    expect(manifest).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="政务公开工具">\s*<Override Locale="en-US" Value="Government Disclosure Kit"\/>/);
    expect(readRibbon(manifest).defaultLocale).toBe('zh-CN');
  });

  it('has the 政务公开 group on the Home tab with the four buttons, their labels and actions', () => {
    const ribbon = readRibbon(manifest);
    expect(ribbon.functionFile).toBe('https://localhost:3000/commands.html');
    expect(ribbon.groups).toEqual([{ id: 'Xxgk.Group', tab: 'TabHome', label: { default: '政务公开', overrides: { 'en-US': 'Disclosure' } } }]);
    expect(ribbon.buttons.map((b) => [b.label.default, b.label.overrides['en-US'], b.action])).toEqual([
      ['校验目录', 'Check catalogue', { type: 'ShowTaskpane', taskpaneId: 'Xxgk.Taskpane', url: 'https://localhost:3000/taskpane.html' }],
      ['一键修复', 'Fix all safe', { type: 'ExecuteFunction', functionName: 'fixAllSafe' }],
      ['生成表单', 'Generate forms', { type: 'ShowTaskpane', taskpaneId: 'Xxgk.Taskpane', url: 'https://localhost:3000/taskpane.html?tab=forms' }],
      ['月度统计', 'Monthly statistics', { type: 'ExecuteFunction', functionName: 'monthlyStats' }],
    ]);
    expect(new Set(ribbon.buttons.map((b) => b.tab))).toEqual(new Set(['TabHome']));
  });


  it('points only at icons that exist in addin/assets', () => {
    const urls = [...manifest.matchAll(/https:\/\/localhost:3000\/assets\/([\w.-]+\.png)/g)].map((m) => m[1]);
    expect(new Set(urls)).toEqual(new Set(['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']));
    for (const name of urls) {
      const png = readFileSync(resolve(ROOT, 'addin/assets', name));
      expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
      const size = Number(name.match(/\d+/)?.[0]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe('validateManifest rejects broken copies with a line number', () => {
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

  it('a missing <Id>', async () => {
    const broken = manifest.replace(/ *<Id>[^<]*<\/Id>\n/, '');
    const r = await validateManifest(broken);
    expect(r.valid).toBe(false);
    expect(r.problems[0].line).toBe(lineOf(broken, '<Version>'));
    expect(r.problems[0].zh).toMatch(new RegExp(`^第 ${lineOf(broken, '<Version>')} 行：不符合清单架构：.*Version.*Id`));
  });

  it('a misnamed element', async () => {
    const broken = manifest.replace('<ProviderName>xxgk-kit</ProviderName>', '<Provider>xxgk-kit</Provider>');
    const r = await validateManifest(broken);
    expect(r.valid).toBe(false);
    expect(r.problems[0].line).toBe(lineOf(broken, '<Provider>'));
    expect(r.problems[0].en).toContain('Provider');
  });

  it('<Requirements> after <Permissions>', async () => {
    const req = manifest.match(/ *<Requirements>[\s\S]*?<\/Requirements>\n/)?.[0] ?? '';
    expect(req).not.toBe('');
    const broken = manifest.replace(req, '').replace('  <VersionOverrides', `${req}  <VersionOverrides`);
    const r = await validateManifest(broken);
    expect(r.valid).toBe(false);
    expect(r.problems[0].line).toBe(lineOf(broken, '<Requirements>'));
  });

  it('a resid that points nowhere (valid XSD, broken reference)', async () => {
    const broken = manifest.replace('<Label resid="FixAllSafe.Label"/>', '<Label resid="FixAll.Missing"/>');
    const probs = checkReferences(broken);
    expect(probs).toHaveLength(1);
    expect(probs[0].line).toBe(lineOf(broken, 'FixAll.Missing'));
    expect(probs[0].zh).toContain('resid="FixAll.Missing" 不存在');
    const r = await validateManifest(broken);
    expect(r.valid).toBe(false);
  });
});

describe('npm run validate (bin/validate-manifest.ts main)', () => {
  it('exits 0 on the real manifest and 2 on a missing file', async () => {
    expect(await main([resolve(ROOT, 'manifest.xml')])).toBe(0);
    expect(await main([resolve(ROOT, 'no-such-manifest.xml')])).toBe(2);
  });
});
