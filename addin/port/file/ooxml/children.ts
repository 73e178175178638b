/**
 * The direct children of a part's root element, found by walking the tags with their depth (a
 * regex for `<extLst` alone would also find the one nested in <conditionalFormatting>). The
 * <sheetData> body, which is most of a worksheet, is skipped with one indexOf.
 */

export interface ChildElement {
  /** Local name (prefix stripped). */
  local: string;
  /** Offsets of the whole element in the XML, end exclusive. */
  start: number;
  end: number;
}

// A tag (attribute values may hold '>'), a comment, a processing instruction or CDATA.
const TOKEN = /<(\/?)([\w.-]+:)?([\w.-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;

/** Children of the root element `rootLocal` (e.g. 'worksheet'); [] when there is no such root. */
export function rootChildren(xml: string, rootLocal: string): { children: ChildElement[]; close: number } {
  const re = new RegExp(TOKEN.source, 'g');
  let m: RegExpExecArray | null;
  let depth = 0;
  let rootSeen = false;
  let current: { local: string; start: number; prefix: string } | undefined;
  const children: ChildElement[] = [];
  while ((m = re.exec(xml))) {
    if (m[3] === undefined) continue; // comment, PI, CDATA
    const closing = m[1] === '/';
    const selfClosing = m[5] === '/';
    const local = m[3];
    if (!rootSeen) {
      if (closing || local !== rootLocal) continue;
      rootSeen = true;
      if (selfClosing) return { children, close: -1 };
      depth = 1;
      continue;
    }
    if (closing) {
      depth--;
      if (depth === 0) return { children, close: m.index };
      if (depth === 1 && current) {
        children.push({ local: current.local, start: current.start, end: m.index + m[0].length });
        current = undefined;
      }
      continue;
    }
    if (depth === 1) {
      if (selfClosing) {
        children.push({ local, start: m.index, end: m.index + m[0].length });
        continue;
      }
      current = { local, start: m.index, prefix: m[2] ?? '' };
      if (local === 'sheetData') {
        // Skip the cells: straight to </sheetData>.
        const closeTag = `</${current.prefix}sheetData>`;
        const at = xml.indexOf(closeTag, re.lastIndex);
        if (at < 0) return { children, close: -1 };
        children.push({ local, start: current.start, end: at + closeTag.length });
        current = undefined;
        re.lastIndex = at + closeTag.length;
        continue;
      }
      depth = 2;
      continue;
    }
    if (!selfClosing) depth++;
  }
  return { children, close: -1 };
}

/** CT_Worksheet's children in schema order (ECMA-376 Part 1, 18.3.1.99). */
export const WORKSHEET_ORDER: readonly string[] = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/**
 * Where a new child `local` of <worksheet> goes: before the first child that comes after it in
 * schema order, else before </worksheet>. -1 for XML without a worksheet root.
 */
export function worksheetInsertAt(xml: string, local: string): number {
  const rank = WORKSHEET_ORDER.indexOf(local);
  if (rank < 0) throw new Error(`${local} is not a worksheet child`);
  const { children, close } = rootChildren(xml, 'worksheet');
  for (const c of children) {
    const k = WORKSHEET_ORDER.indexOf(c.local);
    if (k > rank) return c.start;
  }
  return close;
}
