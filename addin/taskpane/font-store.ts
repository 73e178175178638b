/// <reference lib="dom" />
/**
 * The office's own font (设置), kept between sessions in IndexedDB: it is megabytes, too big for
 * the workbook's settings or localStorage, and IndexedDB is there in both hosts (Excel's web
 * views — WebView2, WKWebView, Excel on the web — and the browsers the workbench runs in).
 * Without IndexedDB (a sandboxed frame, private mode) the font lasts for the session only.
 */
export interface StoredFont {
  name: string;
  bytes: Uint8Array;
}

export interface FontStore {
  load(): Promise<StoredFont | undefined>;
  save(font: StoredFont): Promise<void>;
  clear(): Promise<void>;
}

const DB = 'xxgk-kit';
const STORE = 'fonts';
const KEY = 'own-font';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** A font store over an IDBFactory (window.indexedDB). */
export function indexedDbFontStore(factory: IDBFactory, dbName = DB): FontStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = factory.open(dbName, 1);
      r.onupgradeneeded = () => {
        if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE);
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => {
        db = undefined;
        reject(r.error ?? new Error('IndexedDB cannot be opened'));
      };
    }));
  const tx = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    async load() {
      const v = (await request((await tx('readonly')).get(KEY))) as { name?: unknown; bytes?: unknown } | undefined;
      if (!v || typeof v.name !== 'string' || !(v.bytes instanceof ArrayBuffer || ArrayBuffer.isView(v.bytes))) return undefined;
      const bytes = v.bytes instanceof ArrayBuffer ? new Uint8Array(v.bytes) : new Uint8Array((v.bytes as ArrayBufferView).buffer);
      return { name: v.name, bytes };
    },
    async save(font) {
      // Stored as an ArrayBuffer copy: structured clone keeps it byte for byte.
      await request((await tx('readwrite')).put({ name: font.name, bytes: font.bytes.slice().buffer }, KEY));
    },
    async clear() {
      await request((await tx('readwrite')).delete(KEY));
    },
  };
}

/** The browser's IndexedDB font store, or undefined when IndexedDB is not available. */
export function browserFontStore(): FontStore | undefined {
  try {
    const f = globalThis.indexedDB;
    return f ? indexedDbFontStore(f) : undefined;
  } catch {
    return undefined;
  }
}
