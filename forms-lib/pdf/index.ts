/**
 * forms-lib/pdf: PDF text engine for the form templates. Pure: font and PDF bytes come in as
 * Uint8Array from the host; PDF bytes go out.
 *
 *   const fonts = loadFonts({ primary: notoSubsetBytes, fallbacks: [officeFontBytes] }); // once
 *   const doc = await createDocument({ fonts, meta: { title: '政府信息公开申请补正通知书', author: '某局' } });
 *   doc.drawTitle('补正通知书');
 *   doc.drawParagraphs(body, { field: '正文' });
 *   doc.drawDateWithSeal({ date: '2026-03-05', issuer: '某局' });
 *   const pdf = await doc.finish();
 */
export { loadFonts, type FaceRun, type FontFace, type LoadFontsInput, type LoadedFonts, type ShapedText } from './fonts.ts';
export { setDeflate, fflateDeflate, type Deflate } from './embed.ts';
export {
  FormDocument,
  createDocument,
  type Box,
  type CreateDocumentOptions,
  type DateWithSealOptions,
  type DateWithSealResult,
  type DocumentMeta,
  type DrawTextOptions,
  type PageNumberMode,
  type ParagraphOptions,
  type ParagraphResult,
  type Rgb,
  type StrokeOptions,
  type TextBoxOptions,
  type TitleOptions,
} from './document.ts';
export { fillPdfForm, listFormFields, type FillFormOptions, type FormFieldInfo } from './acroform.ts';
export { BasePdfError, FontLoadError, FormFieldNotFoundError, InvalidArgumentError, MissingGlyphError, TextDoesNotFitError, codePointLabel } from './errors.ts';
export { BLACK, SEAL_RED } from './render.ts';
export { subsetCharacters, gb2312Hanzi } from './charset.ts';
