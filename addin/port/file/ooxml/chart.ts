/**
 * Charts the product draws on its own sheets (「月度统计」): a minimal DrawingML clustered column
 * chart part, the drawing part anchoring it, their relationships and content types. The drawing
 * is ours when every shape in it is named `xxgk-…`: only such a drawing is ever replaced or
 * removed; a sheet with any other drawing is not one the product wrote.
 */
import type { ChartSpec } from '../../workbook-port.ts';
import { rangeA1 } from '../../ranges.ts';
import type { OoxmlPackage } from './package.ts';
import { relsPathFor, sourceOfRels } from './package.ts';
import { attr, colLetters, elementPrefix, escapeCellText } from './sheet-xml.ts';

export const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
export const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
export const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
/** Shapes the product owns carry names with this prefix. */
export const OWN_SHAPE_PREFIX = 'xxgk-';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const esc = (s: string): string => escapeCellText(s);

/** 'Sheet'!$A$1:$A$3 as a chart formula. */
export function chartRef(sheet: string, r: { r1: number; c1: number; r2: number; c2: number }): string {
  const abs = (row: number, col: number) => `$${colLetters(col)}$${row}`;
  const tl = abs(r.r1, r.c1);
  const body = r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${abs(r.r2, r.c2)}`;
  return `'${sheet.replace(/'/g, "''")}'!${body}`;
}

function strCache(values: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: readonly (number | null)[]): string {
  const pts = values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** The chart part of a clustered column chart whose data are cells of `sheet`. */
export function chartXml(sheet: string, spec: ChartSpec): string {
  const n = spec.categories.r2 - spec.categories.r1 + 1;
  const cats = spec.cache?.categories ?? [];
  const series = spec.series
    .map((s, i) => {
      const values = spec.cache?.series[i] ?? [];
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${esc(chartRef(sheet, { r1: s.nameCell.row, c1: s.nameCell.col, r2: s.nameCell.row, c2: s.nameCell.col }))}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:cat><c:strRef><c:f>${esc(chartRef(sheet, spec.categories))}</c:f>${strCache(cats.length === n ? cats : new Array<string>(n).fill(''))}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(chartRef(sheet, s.values))}</c:f>${numCache(values.length === n ? values : new Array<number | null>(n).fill(null))}</c:numRef></c:val>` +
        '</c:ser>'
      );
    })
    .join('');
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${esc(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title>';
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:lang val="zh-CN"/><c:roundedCorners val="0"/>' +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
    '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>' +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>' +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '</c:chartSpace>'
  );
}

/** A drawing part anchoring each chart (relationship id) between two cells. */
export function drawingXml(charts: readonly { spec: ChartSpec; rId: string }[]): string {
  const anchors = charts
    .map(({ spec, rId }, i) => {
      const { row, col, cols, rows } = spec.anchor;
      const at = (c: number, r: number) => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
      return (
        '<xdr:twoCellAnchor editAs="oneCell">' +
        `<xdr:from>${at(col - 1, row - 1)}</xdr:from><xdr:to>${at(col - 1 + cols, row - 1 + rows)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(spec.name).replace(/"/g, '&quot;')}" descr="${esc(spec.title).replace(/"/g, '&quot;')}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${rId}"/></a:graphicData></a:graphic>` +
        '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
      );
    })
    .join('');
  return XML_DECL + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`;
}

/** Whether a drawing part holds only shapes the product named (xxgk-…). */
export function isOwnDrawing(xml: string): boolean {
  const names = [...xml.matchAll(/<(?:[\w.-]+:)?cNvPr\b([^>]*?)\/?>/g)].map((m) => attr(m[1], 'name') ?? '');
  return names.length > 0 && names.every((n) => n.startsWith(OWN_SHAPE_PREFIX));
}

/** The product's own drawing relationships of a sheet part (see isOwnDrawing). */
export function ownDrawings(pkg: OoxmlPackage, sheetPath: string): { id: string; path: string }[] {
  if (!pkg.has(relsPathFor(sheetPath))) return [];
  return pkg
    .relationships(sheetPath)
    .filter((r) => r.type.endsWith('/drawing') && !r.external && pkg.has(r.path) && isOwnDrawing(pkg.readText(r.path)))
    .map((r) => ({ id: r.id, path: r.path }));
}

/**
 * Remove one of our drawings with its charts: parts, relationships and content-type overrides.
 * Everything reachable from the drawing goes too — the chart style and colour parts Excel adds
 * to a chart when it saves the file, a chart's own drawing of shapes — unless a part outside
 * them also points at it (an image the user's drawing shares stays).
 */
export function removeOwnDrawing(pkg: OoxmlPackage, sheetPath: string, drawing: { id: string; path: string }): void {
  const key = (p: string) => p.toLowerCase();
  // Parts reachable from the drawing (internal targets that exist).
  const reach = new Map<string, string>([[key(drawing.path), drawing.path]]);
  const queue = [drawing.path];
  while (queue.length > 0) {
    const from = queue.pop() as string;
    if (!pkg.has(relsPathFor(from))) continue;
    for (const r of pkg.relationships(from)) {
      if (r.external || !r.path || !pkg.has(r.path) || reach.has(key(r.path))) continue;
      reach.set(key(r.path), r.path);
      queue.push(r.path);
    }
  }
  // Who points at what, from the .rels of every part outside that set.
  const referencedFrom = new Map<string, Set<string>>();
  for (const name of pkg.partNames()) {
    const source = sourceOfRels(name);
    if (source === undefined || (source !== '' && !pkg.has(source) && source !== sheetPath)) continue;
    for (const r of pkg.relationships(source)) {
      if (r.external || !r.path) continue;
      if (source === sheetPath && r.id === drawing.id) continue;
      let s = referencedFrom.get(key(r.path));
      if (!s) referencedFrom.set(key(r.path), (s = new Set()));
      s.add(key(source));
    }
  }
  // A part also used from outside the set stays, and so does whatever it reaches (to a fixpoint).
  const removable = new Set(reach.keys());
  removable.delete(key(drawing.path));
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of [...removable]) {
      const users = referencedFrom.get(p) ?? new Set<string>();
      if ([...users].some((u) => u !== key(drawing.path) && !removable.has(u))) {
        removable.delete(p);
        changed = true;
      }
    }
  }
  for (const k of [...removable, key(drawing.path)]) {
    const path = reach.get(k) as string;
    if (pkg.has(relsPathFor(path))) pkg.remove(relsPathFor(path));
    pkg.remove(path);
    pkg.removeOverride(path);
  }
  pkg.removeRelationships(sheetPath, new Set([drawing.id]));
}

/** Worksheet XML with its <drawing r:id> element set to `rId` (or removed for null). */
export function setSheetDrawing(xml: string, rId: string | null): string {
  const p = elementPrefix(xml, 'worksheet');
  const ep = p.replace(/[.-]/g, '\\$&');
  let out = xml.replace(new RegExp(`<${ep}drawing\\b[^>]*?(?:/>|>\\s*</${ep}drawing>)`), '');
  if (rId === null) return out;
  const root = new RegExp(`<${ep}worksheet\\b([^>]*)>`).exec(out);
  let rPrefix: string | undefined;
  for (const m of (root?.[1] ?? '').matchAll(/\sxmlns:([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if ((m[2] ?? m[3]) === NS_R || (m[2] ?? m[3]) === 'http://purl.oclc.org/ooxml/officeDocument/relationships') rPrefix = m[1];
  }
  const el = rPrefix ? `<${p}drawing ${rPrefix}:id="${rId}"/>` : `<${p}drawing xmlns:r="${NS_R}" r:id="${rId}"/>`;
  // CT_Worksheet: <drawing> comes after pageMargins … smartTags, before legacyDrawing … extLst.
  let at = -1;
  for (const local of ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']) {
    const m = new RegExp(`<${ep}${local}[\\s/>]`).exec(out);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = out.lastIndexOf(`</${p}worksheet>`);
  out = out.slice(0, at) + el + out.slice(at);
  return out;
}

/**
 * Add our charts to a sheet part: one drawing holding them, one chart part each; returns the
 * drawing's relationship id from the sheet (to put in the sheet XML with setSheetDrawing).
 */
export function addChartParts(pkg: OoxmlPackage, sheetPath: string, sheetName: string, charts: readonly ChartSpec[]): string {
  const dir = sheetPath.slice(0, sheetPath.lastIndexOf('/'));
  const base = dir.slice(0, dir.lastIndexOf('/') + 1); // 'xl/'
  const free = (folder: string, stem: string) => {
    let k = 1;
    while (pkg.has(`${base}${folder}/${stem}${k}.xml`)) k++;
    return `${base}${folder}/${stem}${k}.xml`;
  };
  const drawingPath = free('drawings', 'drawing');
  pkg.write(drawingPath, XML_DECL + '<xdr:wsDr/>'); // reserve the name while the charts are numbered
  const entries: { spec: ChartSpec; rId: string }[] = [];
  for (const spec of charts) {
    const chartPath = free('charts', 'chart');
    pkg.write(chartPath, chartXml(sheetName, spec));
    pkg.addOverride(chartPath, CT_CHART);
    const rId = pkg.addRelationship(drawingPath, REL_CHART, `../charts/${chartPath.slice(chartPath.lastIndexOf('/') + 1)}`);
    entries.push({ spec, rId });
  }
  pkg.write(drawingPath, drawingXml(entries));
  pkg.addOverride(drawingPath, CT_DRAWING);
  return pkg.addRelationship(sheetPath, REL_DRAWING, `../drawings/${drawingPath.slice(drawingPath.lastIndexOf('/') + 1)}`);
}

/** Check a chart spec (ranges one column, series as long as the categories). */
export function checkChartSpec(spec: ChartSpec): void {
  const oneCol = (r: ChartSpec['categories']) => r.c1 === r.c2 && r.r1 <= r.r2 && r.r1 >= 1 && r.c1 >= 1;
  if (!spec.name.startsWith(OWN_SHAPE_PREFIX)) throw new RangeError(`chart name ${JSON.stringify(spec.name)} must start with "${OWN_SHAPE_PREFIX}"`);
  if (!oneCol(spec.categories)) throw new RangeError(`chart categories ${rangeA1(spec.categories)} must be one column`);
  const n = spec.categories.r2 - spec.categories.r1 + 1;
  for (const s of spec.series) {
    if (!oneCol(s.values) || s.values.r2 - s.values.r1 + 1 !== n) throw new RangeError(`chart series ${rangeA1(s.values)} must be one column of ${n} cells`);
  }
  if (spec.series.length === 0) throw new RangeError('a chart needs at least one series');
}
