/// <reference lib="dom" />
/**
 * office.js for the browser tests of the add-in pages: `Office` and `Excel` globals backed by
 * the in-memory FakeExcel (addin/port/excel/fake-excel.ts), bundled with esbuild and served in
 * place of https://appsforoffice.microsoft.com/…/office.js.
 *
 * Every frame of the test's host page (the task pane and the ribbon's function file, each a
 * runtime of its own as in Excel) shares one FakeExcel kept on the top window, seeded from
 * `top.__seed`. The ribbon's functions (Office.actions.associate) land in `window.__actions`.
 */
import type { Scalar } from '../../addin/catalogue/grid.ts';
import { FakeExcel } from '../../addin/port/excel/fake-excel.ts';

interface Seed {
  sheets: { name: string; values: Scalar[][]; merges: { r1: number; c1: number; r2: number; c2: number }[] }[];
  latencyMs?: number;
  excelApi?: string;
}

type Top = Window & { __fakeExcel?: FakeExcel; __seed?: Seed; __settings?: Map<string, unknown> };
const top = window.top as Top;

function fakeExcel(): FakeExcel {
  if (top.__fakeExcel) return top.__fakeExcel;
  const seed = top.__seed ?? { sheets: [] };
  const fake = new FakeExcel({ excelApi: seed.excelApi, latencyMs: seed.latencyMs });
  for (const s of seed.sheets) fake.addSheet(s.name, s.values).merges = s.merges.map((m) => ({ ...m }));
  top.__fakeExcel = fake;
  return fake;
}

const fake = fakeExcel();
const settings = (top.__settings ??= new Map<string, unknown>());
const actions: Record<string, (event: { completed(): void }) => unknown> = {};

const info = { host: 'Excel', platform: 'OfficeOnline' };
const g = window as unknown as Record<string, unknown>;
g.__actions = actions;
g.Office = {
  onReady(callback?: (i: typeof info) => void) {
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    document: {
      settings: {
        get: (k: string) => settings.get(k) ?? null,
        set: (k: string, v: unknown) => void settings.set(k, structuredClone(v)),
        saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: 'succeeded' }),
      },
    },
    officeTheme: { bodyBackgroundColor: '#FFFFFF' },
    requirements: { isSetSupported: (set: string, version: string) => fake.isSetSupported(set, version) },
    ui: {
      // The tests read the notice from the command's result, not from a dialog.
      displayDialogAsync: (_url: string, _o: unknown, cb: (r: { status: string; error: { message: string } }) => void) => cb({ status: 'failed', error: { message: 'no dialogs in the test host' } }),
      messageParent: () => undefined,
    },
  },
  actions: { associate: (name: string, f: (event: { completed(): void }) => unknown) => void (actions[name] = f) },
  EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
};
// Excel.run(batch), Excel.run(options, batch), Excel.run(context, batch).
g.Excel = {
  run(a: unknown, b?: unknown) {
    if (typeof a === 'function') return fake.run(a as never);
    if (a && typeof (a as { sync?: unknown }).sync === 'function') return fake.runIn(a as never, b as never);
    return fake.run(b as never, a as never);
  },
};
