/**
 * Filling an office-supplied fillable PDF: each named AcroForm field's widget rectangle gets
 * our own text (embedded subset fonts, fitted to the rectangle), then every field is
 * flattened: filled text fields keep their frame (background, border) redrawn as paths, other
 * fields keep their appearance stream; then the widgets, the fields and the AcroForm are
 * removed, so the result is a plain PDF that prints and reads the same everywhere.
 */
import {
  PDFDict,
  PDFName,
  PDFRef,
  PDFStream,
  PDFTextField,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  translate,
  type PDFDocument,
  type PDFField,
  type PDFPage,
  type PDFWidgetAnnotation,
} from 'pdf-lib';
import { mmToPt, normalizeText, ptToMm, type Box } from '../layout/index.ts';
import { applyMeta, fitInBox, loadBasePdf, valignOffset, type DocumentMeta, type TextBoxOptions } from './document.ts';
import { FormFieldNotFoundError, InvalidArgumentError } from './errors.ts';
import type { LoadedFonts } from './fonts.ts';
import type { Deflate } from './embed.ts';
import { BLACK, prepareFonts, renderOps, type DrawOp, type Rgb } from './render.ts';
import { baselineBelowTop, lineExtent, lineToOps } from './text-ops.ts';

export interface FormFieldInfo {
  name: string;
  /** pdf-lib class name: PDFTextField, PDFCheckBox, … */
  type: string;
  widgets: Array<{ page: number; rect: Box }>;
}

export interface FillFormOptions {
  fonts: LoadedFonts;
  /** field name → text */
  values: Record<string, string>;
  /** per-field sizing and alignment; defaults: maxSize 12, minSize 6, padding 1 mm, left, middle (top for multi-line fields) */
  style?: TextBoxOptions;
  fieldStyles?: Record<string, TextBoxOptions>;
  /** metadata to set on the result; the language defaults to zh-CN */
  meta?: Partial<DocumentMeta>;
  /** compressor for the streams (default: setDeflate()'s, else fflate); e.g. Node's zlib.deflateSync */
  deflate?: Deflate;
}

interface WidgetRef {
  field: PDFField;
  widget: PDFWidgetAnnotation;
  page: PDFPage;
  pageIndex: number;
}

function widgetsOf(doc: PDFDocument, field: PDFField): WidgetRef[] {
  const pages = doc.getPages();
  return field.acroField.getWidgets().map((widget) => {
    const pRef = widget.P();
    let pageIndex = pRef ? pages.findIndex((p) => p.ref === pRef) : -1;
    if (pageIndex < 0) {
      const ref = doc.context.getObjectRef(widget.dict);
      pageIndex = pages.findIndex((p) => {
        const annots = p.node.Annots();
        if (!annots) return false;
        for (let i = 0; i < annots.size(); i++) {
          const a = annots.get(i);
          if ((ref && a === ref) || annots.lookup(i) === widget.dict) return true;
        }
        return false;
      });
    }
    if (pageIndex < 0) throw new InvalidArgumentError(`表单字段「${field.getName()}」的控件不在任何页面上 / the widget of field "${field.getName()}" is on no page`);
    return { field, widget, page: pages[pageIndex], pageIndex };
  });
}

function rectMm(widget: PDFWidgetAnnotation, page: PDFPage): Box {
  const r = widget.getRectangle();
  const h = page.getHeight();
  return { x: ptToMm(r.x), y: ptToMm(h - r.y - r.height), width: ptToMm(r.width), height: ptToMm(r.height) };
}

/** The fields of a fillable PDF, with their widget rectangles (mm from the top-left of their page). */
export async function listFormFields(base: Uint8Array): Promise<FormFieldInfo[]> {
  const doc = await loadBasePdf(base, '表单底版 / fillable PDF');
  return doc
    .getForm()
    .getFields()
    .map((field) => ({
      name: field.getName(),
      type: field.constructor.name,
      widgets: widgetsOf(doc, field).map((w) => ({ page: w.pageIndex, rect: rectMm(w.widget, w.page) })),
    }));
}

/** The widget's current normal appearance stream, if any. */
function appearanceRef(widget: PDFWidgetAnnotation): PDFRef | undefined {
  const ap = widget.dict.lookupMaybe(PDFName.of('AP'), PDFDict);
  if (!ap) return undefined;
  const n = ap.get(PDFName.of('N'));
  if (n instanceof PDFRef) return widget.dict.context.lookup(n) instanceof PDFStream ? n : undefined;
  const states = ap.lookupMaybe(PDFName.of('N'), PDFDict);
  if (!states) return undefined;
  const as = widget.dict.lookupMaybe(PDFName.of('AS'), PDFName) ?? PDFName.of('Off');
  const chosen = states.get(as);
  return chosen instanceof PDFRef ? chosen : undefined;
}

/** PDF colour array (gray, RGB or CMYK) → RGB. */
function colourOf(c: number[] | undefined): Rgb | undefined {
  if (!c || c.length === 0) return undefined;
  if (c.length === 1) return { r: c[0], g: c[0], b: c[0] };
  if (c.length === 3) return { r: c[0], g: c[1], b: c[2] };
  if (c.length === 4) {
    const k = 1 - c[3];
    return { r: (1 - c[0]) * k, g: (1 - c[1]) * k, b: (1 - c[2]) * k };
  }
  return undefined;
}

/** A widget's background and border (MK /BG /BC, BS /W) as a rectangle operation. */
function frameOps(widget: PDFWidgetAnnotation): DrawOp[] {
  const mk = widget.getAppearanceCharacteristics();
  const bg = colourOf(mk?.getBackgroundColor());
  const bc = colourOf(mk?.getBorderColor());
  if (!bg && !bc) return [];
  const w = bc ? (widget.getBorderStyle()?.getWidth() ?? 1) : 0;
  const r = widget.getRectangle();
  return [{ kind: 'rect', x: r.x + w / 2, y: r.y + w / 2, width: r.width - w, height: r.height - w, thickness: w, color: bc ?? BLACK, fill: bg }];
}

function removeAnnot(page: PDFPage, widget: PDFWidgetAnnotation, ref: PDFRef | undefined): void {
  const annots = page.node.Annots();
  if (!annots) return;
  for (let i = annots.size() - 1; i >= 0; i--) {
    if ((ref && annots.get(i) === ref) || annots.lookup(i) === widget.dict) annots.remove(i);
  }
}

/**
 * Fills the named fields with `values`, flattens all fields and returns the new PDF.
 * Throws FormFieldNotFoundError (listing the PDF's field names) if a name is not in the
 * form, MissingGlyphError for a character no font has, TextDoesNotFitError when a value does
 * not fit its rectangle at the smallest size.
 */
export async function fillPdfForm(base: Uint8Array, options: FillFormOptions): Promise<Uint8Array> {
  const { fonts, values } = options;
  if (!fonts || typeof fonts.check !== 'function') throw new InvalidArgumentError('fillPdfForm: fonts 须为 loadFonts() 的结果 / fonts must come from loadFonts()');
  if (!values || typeof values !== 'object') throw new InvalidArgumentError('fillPdfForm: values 须为 {字段名: 文本} / values must be {fieldName: text}');
  const doc = await loadBasePdf(base, '表单底版 / fillable PDF');
  const form = doc.getForm();
  const fields = form.getFields();
  const available = fields.map((f) => f.getName());
  const missing = Object.keys(values).filter((name) => !available.includes(name));
  if (missing.length > 0) throw new FormFieldNotFoundError(missing, available);

  // Check every value before drawing anything.
  const texts = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) {
    const t = normalizeText(String(value ?? ''));
    fonts.check(t, name);
    texts.set(name, t);
  }

  const pages = doc.getPages();
  const opsPerPage: DrawOp[][] = pages.map(() => []);
  const toDelete: PDFRef[] = [];

  for (const field of fields) {
    const name = field.getName();
    const text = texts.get(name);
    const multiline = field instanceof PDFTextField && field.isMultiline();
    for (const { widget, page, pageIndex } of widgetsOf(doc, field)) {
      const widgetRef = doc.context.getObjectRef(widget.dict);
      // 1. the widget's look. A text field we fill gets its frame (MK background and border,
      //    BS width) redrawn as vector paths, so no old value and no form font (Helvetica) comes
      //    along; every other widget keeps its own appearance stream (check marks, prefilled text).
      if (text !== undefined && field instanceof PDFTextField) {
        opsPerPage[pageIndex].push(...frameOps(widget));
      } else {
        const ap = appearanceRef(widget);
        if (ap) {
          const rect = widget.getRectangle();
          opsPerPage[pageIndex].push({
            kind: 'raw',
            build: (p) => {
              const key = p.node.newXObject('FlatWidget', ap);
              return [pushGraphicsState(), translate(rect.x, rect.y), drawObject(key), popGraphicsState()];
            },
          });
        }
      }
      // 2. our text
      if (text !== undefined && text.trim() !== '') {
        const style: TextBoxOptions = { maxSize: 12, minSize: 6, padding: 1, valign: multiline ? 'top' : 'middle', ...options.style, ...options.fieldStyles?.[name], field: name };
        const box = rectMm(widget, page);
        const { result, inner } = fitInBox(fonts, text, box, style, name);
        const h = page.getHeight();
        const top = mmToPt(inner.y);
        const offset = valignOffset(result, mmToPt(inner.height), style.valign ?? 'middle');
        const innerWidth = mmToPt(inner.width);
        result.lines.forEach((line, j) => {
          const baseline = h - baselineBelowTop(top + offset + j * result.lineHeight, result.lineHeight, result.size, fonts.primary.emAscent);
          const extent = lineExtent(line);
          const shift = style.align === 'center' ? (innerWidth - extent) / 2 : style.align === 'right' ? innerWidth - extent : 0;
          opsPerPage[pageIndex].push(...lineToOps(line, mmToPt(inner.x), baseline, result.size, fonts, style.color ?? BLACK, shift));
        });
      }
      // 3. the widget goes
      removeAnnot(page, widget, widgetRef);
      if (widgetRef) toDelete.push(widgetRef);
    }
    toDelete.push(field.ref);
  }

  // 4. the form goes: no AcroForm, no fields, no XFA
  const acroFormRef = doc.catalog.get(PDFName.of('AcroForm'));
  doc.catalog.delete(PDFName.of('AcroForm'));
  if (acroFormRef instanceof PDFRef) toDelete.push(acroFormRef);
  for (const ref of new Set(toDelete)) doc.context.delete(ref);

  const embedded = await prepareFonts(doc, fonts, opsPerPage, options.deflate);
  pages.forEach((page, i) => renderOps(page, opsPerPage[i], embedded));
  embedded.finalize();
  applyMeta(doc, { language: 'zh-CN', ...options.meta });
  return doc.save({ useObjectStreams: true, updateFieldAppearances: false });
}
