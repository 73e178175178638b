/**
 * The one renderer: draws a form definition's blocks (title, 文号, paragraphs, remedies, date and
 * seal, 存根 cut line, tables) onto a FormDocument of forms-lib/pdf. Letters, slips and table
 * forms differ only in their definitions.
 */
import { GBT9704, ptToMm, wordHints, type BreakHints } from '../layout/index.ts';
import type { FormDocument } from '../pdf/index.ts';
import { conditionHolds, fillTemplate, fillTemplateSpans, type FormContext } from './context.ts';
import type { Block, FormDefinition, TableRow } from './definition.ts';
import { LAYOUT_WORDS } from './forms/common.ts';
import { remediesFor, type OfficeSettings } from './settings.ts';

const BLOCK = GBT9704.textBlock;
const BLOCK_BOTTOM = BLOCK.y + BLOCK.height;
/** the 存根 / 通知 cut line of a slip sits at the middle of the A4 page */
export const SLIP_CUT_Y = GBT9704.page.height / 2;
/** slips start higher than the GB/T 9704 天头 to leave room for two halves */
export const SLIP_TOP = 22;

interface Style {
  size: number;
  lineHeight: number | undefined;
  titleSize: number;
  seal: number;
}

function styleOf(def: FormDefinition): Style {
  if (def.kind === 'slip') return { size: def.bodySize ?? 14, lineHeight: 6.6, titleSize: 18, seal: 26 };
  if (def.kind === 'table') return { size: def.bodySize ?? 14, lineHeight: undefined, titleSize: 20, seal: 30 };
  return { size: def.bodySize ?? GBT9704.body.sizePt, lineHeight: undefined, titleSize: GBT9704.title.sizePt, seal: 42 };
}

interface Continuation {
  label: string;
  text: string;
}

/**
 * Draws one record. The caller has started a fresh page; `top` is where the first block goes
 * (below a letterhead's header, or the slip top).
 */
export function renderRecord(doc: FormDocument, def: FormDefinition, ctx: FormContext, settings: OfficeSettings, today: string, top: number): void {
  const style = styleOf(def);
  const firstPage = doc.cursor.page;
  doc.moveTo(top);
  const continuations: Continuation[] = [];
  const shown = def.blocks.map((block) => conditionHolds(block, ctx));
  def.blocks.forEach((block, i) => {
    if (!shown[i]) return;
    // the 附注 (联系人) right after the 成文日期 stays on its page
    const next = def.blocks.findIndex((b, k) => k > i && shown[k]);
    const after = block.t === 'signature' && next >= 0 ? def.blocks[next] : undefined;
    const reserveAfter = after?.t === 'para' ? doc.measureParagraphs(fillTemplate(after.text, ctx), { size: style.size, indent: after.indent ?? 2, lineHeight: style.lineHeight, field: `${def.zh}[${next}]` }).height : 0;
    drawBlock(doc, def, block, i, ctx, settings, style, today, firstPage, continuations, reserveAfter);
  });
  for (const c of continuations) {
    doc.page();
    doc.drawTitle(`续页：${c.label}`, { size: 16, field: `续页：${c.label}` });
    doc.drawParagraphs(c.text, { field: c.label, indent: 0 });
  }
}

function drawBlock(
  doc: FormDocument,
  def: FormDefinition,
  block: Block,
  index: number,
  ctx: FormContext,
  settings: OfficeSettings,
  style: Style,
  today: string,
  firstPage: number,
  continuations: Continuation[],
  reserveAfter = 0,
): void {
  const field = `${def.zh}[${index}]`;
  const para = (text: string, indent: number, fieldName = field) =>
    doc.drawParagraphs(text, { size: style.size, indent, lineHeight: style.lineHeight, field: fieldName });
  switch (block.t) {
    case 'title': {
      const { text, breaks } = withBreaks(block.text, ctx);
      doc.drawTitle(text, { size: block.size ?? style.titleSize, spaceAfter: def.kind === 'letter' ? undefined : 3, breaks, field: '标题' });
      return;
    }
    case 'docNumber': {
      const text = `${block.label !== undefined ? fillTemplate(block.label, ctx) : ''}${ctx.text('docNumber')}`;
      const y = doc.cursor.y;
      const size = style.size;
      if (block.align === 'center') doc.drawText(BLOCK.x + BLOCK.width / 2, y, text, { size, align: 'center', field: '文号' });
      else doc.drawText(BLOCK.x + BLOCK.width, y, text, { size, align: 'right', field: '文号' });
      doc.moveTo(y + (style.lineHeight ?? (size === GBT9704.body.sizePt ? GBT9704.body.linePitch : ptToMm(size * 1.5))));
      return;
    }
    case 'para':
      para(fillTemplate(block.text, ctx), block.indent ?? 2);
      return;
    case 'remedies': {
      const text = remediesFor(settings, def.id).replaceAll('{addressee}', def.addressee).replaceAll('{thisDoc}', def.thisDoc);
      para(fillTemplate(text, ctx), 2, `救济途径（settings.remedies["${settings.remedies[def.id] !== undefined ? def.id : 'default'}"]）`);
      return;
    }
    case 'signature': {
      const r = doc.drawDateWithSeal({ date: today, issuer: fillTemplate(block.issuer ?? '{office}', ctx), seal: { diameter: block.seal ?? style.seal }, size: style.size, reserveAfter });
      // what follows (附注, the cut line) goes under the date line; the seal may overlap it as on paper
      doc.moveTo(r.dateBox.y + r.dateBox.height);
      return;
    }
    case 'cut': {
      const { page, y } = doc.cursor;
      const cutY = page === firstPage && y < SLIP_CUT_Y - 2 ? SLIP_CUT_Y : y + 3;
      doc.drawRule(cutY, { x1: 10, x2: GBT9704.page.width - 10, dash: [2, 1.5], thickness: 0.3 });
      doc.moveTo(cutY + 6);
      return;
    }
    case 'gap':
      doc.moveTo(doc.cursor.y + block.mm);
      return;
    case 'rules': {
      const pitch = GBT9704.body.linePitch;
      let y = doc.cursor.y;
      for (let k = 0; k < block.count; k++) {
        y += pitch;
        if (y > BLOCK_BOTTOM) {
          doc.page();
          y = doc.cursor.y + pitch;
        }
        doc.drawRule(y, { thickness: 0.25 });
      }
      doc.moveTo(y + pitch / 2);
      return;
    }
    case 'table':
      drawTable(doc, block.rows, ctx, continuations);
      return;
  }
}

const CELL_PADDING = 1.5;

/** A title or label filled, with its break hints: the words of LAYOUT_WORDS and each substituted value kept whole. */
function withBreaks(template: string, ctx: FormContext): { text: string; breaks: BreakHints } {
  const { text, values } = fillTemplateSpans(template, ctx);
  return { text, breaks: wordHints(text, LAYOUT_WORDS, values) };
}

function drawTable(doc: FormDocument, rows: TableRow[], ctx: FormContext, continuations: Continuation[]): void {
  let y = doc.cursor.y;
  const height = rows.reduce((s, r) => s + r.height, 0);
  if (y + height > BLOCK_BOTTOM + 1e-6) {
    doc.page();
    y = doc.cursor.y;
  }
  for (const row of rows) {
    let x = BLOCK.x;
    let lastLabel = '';
    for (const cell of row.cells) {
      const box = { x, y, width: cell.width, height: row.height };
      doc.drawBox(box, { thickness: 0.35 });
      if (cell.label !== undefined) {
        const { text, breaks } = withBreaks(cell.label, ctx);
        lastLabel = text;
        doc.drawTextInBox(lastLabel, box, { maxSize: 12, minSize: 7, align: 'center', padding: CELL_PADDING, balance: true, breaks, field: lastLabel });
      }
      if (cell.value !== undefined) {
        const value = fillTemplate(cell.value, ctx);
        const fieldName = lastLabel || 'value';
        const valueBox = cell.dateLine ? { ...box, height: box.height - 7 } : box;
        if (value.trim() !== '') {
          const opts = { maxSize: cell.maxSize ?? 12, minSize: cell.long ? 9 : 6, align: cell.align ?? 'left', valign: cell.valign ?? (cell.long ? 'top' : 'middle'), padding: CELL_PADDING, field: fieldName } as const;
          if (cell.long && !doc.fitToBox(value, valueBox, opts).fits) {
            continuations.push({ label: fieldName, text: value });
            doc.drawTextInBox('（内容较长，见续页）', valueBox, { ...opts, valign: 'top' });
          } else {
            doc.drawTextInBox(value, valueBox, opts);
          }
        }
      }
      if (cell.dateLine) doc.drawText(x + cell.width - 4, y + row.height - 6.5, '年　　月　　日', { size: 12, align: 'right', field: '日期' });
      x += cell.width;
    }
    y += row.height;
  }
  doc.moveTo(y + 4);
}
