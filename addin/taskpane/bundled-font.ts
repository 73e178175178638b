/// <reference lib="dom" />
/**
 * The bundled Noto Serif SC (GB2312 subset, about 3 MB), fetched the first time a form is made:
 * webpack emits it as a file (never inlined into a chunk) and this module is itself loaded by import().
 */
import fontUrl from '../../forms-lib/fonts/NotoSerifSC-Regular-GB2312.ttf';

let pending: Promise<Uint8Array> | undefined;

export function loadBundledFont(): Promise<Uint8Array> {
  pending ??= fetch(fontUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`无法加载内置字体（HTTP ${r.status}）/ cannot load the bundled font (HTTP ${r.status})`);
      return r.arrayBuffer();
    })
    .then((b) => new Uint8Array(b))
    .catch((e: unknown) => {
      pending = undefined; // let the next try fetch again
      throw e;
    });
  return pending;
}
