/**
 * Offline validation of the Office add-in manifest (`npm run validate`).
 *
 * `office-addin-manifest validate` posts the manifest to a web service these machines cannot
 * reach, so we validate against the XML-manifest XSDs kept in ../shared/schemas (see its README)
 * with xmllint compiled to WASM, then check what the XSDs cannot: every `resid` resolves, and
 * every ribbon control has a label and an action. Exit 0 valid, 1 invalid, 2 cannot read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRY_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/** Where the XSDs live: $XXGK_MANIFEST_SCHEMAS, else ../shared/schemas/office-addin-manifest beside the checkout. */
export function defaultSchemaDir(): string {
  return process.env.XXGK_MANIFEST_SCHEMAS ?? resolve(ROOT, '..', 'shared', 'schemas', 'office-addin-manifest');
}

export interface ManifestProblem {
  /** 1-based line in the manifest, when known. */
  line: number | null;
  zh: string;
  en: string;
}

export interface ManifestCheck {
  valid: boolean;
  problems: ManifestProblem[];
}

// ---------------------------------------------------------------------------------------------
// A minimal XML tree: enough for a manifest that passed the XSD (elements, attributes, text).

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  line: number;
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_m, e: string) => {
    const k = e.toLowerCase();
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'amp') return '&';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

export function parseXml(text: string): XmlNode {
  const src = text.replace(/<\?[\s\S]*?\?>/g, (m) => m.replace(/[^\n]/g, ' ')).replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: XmlNode[] = [root];
  const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let line = 1;
  let last = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    for (let i = last; i < m.index; i++) if (src.charCodeAt(i) === 10) line++;
    last = m.index;
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      top.text += decode(m[5]);
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      if (top.name !== name) throw new Error(`line ${line}: </${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decode(a[2] ?? a[3] ?? '');
    const node: XmlNode = { name, attrs, children: [], text: '', line };
    top.children.push(node);
    if (!selfClose) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is not closed`);
  return root;
}

function local(name: string): string {
  return name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
}

export function child(n: XmlNode, name: string): XmlNode | undefined {
  return n.children.find((c) => local(c.name) === name);
}

export function descendants(n: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of n.children) {
    if (local(c.name) === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The ribbon as data.

export interface LocalizedText {
  /** DefaultValue (the default locale, zh-CN). */
  default: string;
  overrides: Record<string, string>;
}

export interface RibbonButton {
  id: string;
  tab: string;
  group: string;
  label: LocalizedText;
  action: { type: 'ShowTaskpane'; taskpaneId: string; url: string } | { type: 'ExecuteFunction'; functionName: string };
}

export interface Ribbon {
  defaultLocale: string;
  functionFile: string | null;
  groups: { id: string; tab: string; label: LocalizedText }[];
  buttons: RibbonButton[];
}

interface Resources {
  strings: Map<string, LocalizedText>;
  urls: Map<string, string>;
  images: Map<string, string>;
}

function resources(doc: XmlNode): Resources {
  const res: Resources = { strings: new Map(), urls: new Map(), images: new Map() };
  const r = descendants(doc, 'Resources')[0];
  if (!r) return res;
  for (const kind of ['ShortStrings', 'LongStrings']) {
    for (const s of descendants(child(r, kind) ?? { name: '', attrs: {}, children: [], text: '', line: 0 }, 'String')) {
      const overrides: Record<string, string> = {};
      for (const o of s.children) if (local(o.name) === 'Override') overrides[o.attrs.Locale] = o.attrs.Value;
      res.strings.set(s.attrs.id, { default: s.attrs.DefaultValue, overrides });
    }
  }
  for (const u of descendants(child(r, 'Urls') ?? doc, 'Url')) res.urls.set(u.attrs.id, u.attrs.DefaultValue);
  for (const i of descendants(child(r, 'Images') ?? doc, 'Image')) res.images.set(i.attrs.id, i.attrs.DefaultValue);
  return res;
}

/** Read the ribbon of a manifest (resids resolved). Unresolvable references are reported by checkReferences. */
export function readRibbon(text: string): Ribbon {
  const doc = parseXml(text);
  const res = resources(doc);
  const str = (n: XmlNode | undefined): LocalizedText => res.strings.get(n?.attrs.resid ?? '') ?? { default: '', overrides: {} };
  const ribbon: Ribbon = {
    defaultLocale: descendants(doc, 'DefaultLocale')[0]?.text.trim() ?? '',
    functionFile: res.urls.get(descendants(doc, 'FunctionFile')[0]?.attrs.resid ?? '') ?? null,
    groups: [],
    buttons: [],
  };
  for (const tab of descendants(doc, 'OfficeTab')) {
    for (const g of tab.children.filter((c) => local(c.name) === 'Group')) {
      ribbon.groups.push({ id: g.attrs.id, tab: tab.attrs.id, label: str(child(g, 'Label')) });
      for (const c of g.children.filter((x) => local(x.name) === 'Control')) {
        const a = child(c, 'Action');
        const type = a?.attrs['xsi:type'];
        const action: RibbonButton['action'] =
          type === 'ExecuteFunction'
            ? { type, functionName: child(a as XmlNode, 'FunctionName')?.text.trim() ?? '' }
            : {
                type: 'ShowTaskpane',
                taskpaneId: (a && child(a, 'TaskpaneId')?.text.trim()) ?? '',
                url: res.urls.get((a && child(a, 'SourceLocation')?.attrs.resid) ?? '') ?? '',
              };
        ribbon.buttons.push({ id: c.attrs.id, tab: tab.attrs.id, group: g.attrs.id, label: str(child(c, 'Label')), action });
      }
    }
  }
  return ribbon;
}

/** What the XSDs cannot see: every resid points at a resource of the right kind. */
export function checkReferences(text: string): ManifestProblem[] {
  const doc = parseXml(text);
  const res = resources(doc);
  const problems: ManifestProblem[] = [];
  const walk = (n: XmlNode, parent: string): void => {
    const id = n.attrs.resid;
    if (id !== undefined) {
      const kind = local(n.name);
      const table =
        kind === 'Image' ? res.images : ['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(kind) ? res.urls : res.strings;
      if (!table.has(id)) {
        const what = table === res.images ? 'bt:Image' : table === res.urls ? 'bt:Url' : 'bt:String';
        problems.push({
          line: n.line,
          zh: `第 ${n.line} 行：<${n.name}>（在 <${parent}> 中）引用的资源 resid="${id}" 不存在，请在 <Resources> 中添加 ${what}。`,
          en: `line ${n.line}: <${n.name}> (in <${parent}>) refers to resid="${id}", which is not defined; add a ${what} to <Resources>.`,
        });
      }
    }
    for (const c of n.children) walk(c, n.name);
  };
  walk(doc, '#document');
  const ribbon = readRibbon(text);
  for (const b of ribbon.buttons) {
    if (b.action.type === 'ExecuteFunction' && !b.action.functionName) {
      problems.push({ line: null, zh: `按钮 ${b.id} 的 ExecuteFunction 没有函数名。`, en: `button ${b.id}: ExecuteFunction has no FunctionName.` });
    }
    if (b.action.type === 'ExecuteFunction' && !ribbon.functionFile) {
      problems.push({ line: null, zh: `按钮 ${b.id} 使用 ExecuteFunction，但清单没有 <FunctionFile>。`, en: `button ${b.id} uses ExecuteFunction but the manifest has no <FunctionFile>.` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

function loadSchemas(dir: string): { entry: { fileName: string; contents: string }; others: { fileName: string; contents: string }[] } {
  if (!existsSync(join(dir, ENTRY_SCHEMA))) {
    throw new Error(`找不到清单架构 ${join(dir, ENTRY_SCHEMA)}（可用环境变量 XXGK_MANIFEST_SCHEMAS 指定目录）/ manifest schema not found: ${join(dir, ENTRY_SCHEMA)} (set XXGK_MANIFEST_SCHEMAS)`);
  }
  const names = readdirSync(dir).filter((n) => n.endsWith('.xsd'));
  const read = (n: string) => ({ fileName: n, contents: readFileSync(join(dir, n), 'utf8') });
  return { entry: read(ENTRY_SCHEMA), others: names.filter((n) => n !== ENTRY_SCHEMA).map(read) };
}

/** Validate manifest text against the XSDs, then check references. */
export async function validateManifest(text: string, schemaDir: string = defaultSchemaDir(), fileName = 'manifest.xml'): Promise<ManifestCheck> {
  const { entry, others } = loadSchemas(schemaDir);
  const r = await validateXML({ xml: [{ fileName, contents: text }], schema: [entry], preload: others });
  const problems: ManifestProblem[] = r.errors.map((e) => {
    const line = e.loc?.lineNumber ?? null;
    const where = line !== null ? `第 ${line} 行` : '位置未知';
    return { line, zh: `${where}：不符合清单架构：${e.message.trim()}`, en: `${line !== null ? `line ${line}` : 'unknown line'}: ${e.message.trim()}` };
  });
  if (r.valid) {
    try {
      problems.push(...checkReferences(text));
    } catch (e) {
      problems.push({ line: null, zh: `无法读取清单结构：${String(e)}`, en: `cannot read the manifest structure: ${String(e)}` });
    }
  }
  return { valid: problems.length === 0, problems };
}

export async function main(argv: string[]): Promise<number> {
  const file = resolve(argv[0] ?? join(ROOT, 'manifest.xml'));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    console.error(`无法读取清单文件 ${file} / cannot read the manifest ${file}`);
    return 2;
  }
  let res: ManifestCheck;
  try {
    res = await validateManifest(text, defaultSchemaDir(), file.replace(/^.*[\\/]/, ''));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
  if (res.valid) {
    const n = readRibbon(text).buttons.length;
    console.log(`清单有效：${file}（${n} 个功能区按钮）/ manifest is valid: ${file} (${n} ribbon buttons)`);
    return 0;
  }
  console.error(`清单无效：${file} / manifest is invalid: ${file}`);
  for (const p of res.problems) console.error(`  ${p.zh}\n  ${p.en}`);
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
