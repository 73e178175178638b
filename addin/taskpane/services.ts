/**
 * What the 表单 and 统计 tabs need from the use-cases, as one small typed interface. The pane
 * never imports forms-lib directly: `defaultServices()` wires the real modules (loaded with
 * import() so that fonts, pdf-lib and fontkit stay out of the initial chunks), and tests or the
 * e2e can pass their own.
 */
import type { WorkbookPort } from '../port/workbook-port.ts';
import type { PaneSettings } from './settings.ts';

export interface RegisterRow {
  /** 1-based sheet row. */
  row: number;
  id: string;
  applicant: string;
  received: string;
  /** State label in Chinese (e.g. 办理中, 已办结). */
  status: string;
  /** The service's own record behind the row (opaque to the pane). */
  source?: unknown;
}

export interface RegisterView {
  sheet: string;
  rows: RegisterRow[];
  /** Problems found reading the register (plain Chinese, naming the cell). */
  problems: string[];
}

export interface FormChoice {
  id: string;
  title: string;
  /** What the register says against issuing it now (zh + en), e.g. a 补正告知书 past 7 working days. */
  warnings?: { zh: string; en: string }[];
}

export interface GeneratedPdf {
  fileName: string;
  bytes: Uint8Array;
}

export type Progress = (message: string) => void;

export interface FormsService {
  readRegister(port: WorkbookPort, settings: PaneSettings): Promise<RegisterView>;
  /** Form types that carry a 文号 (设置 offers a pattern for each). */
  numberedForms(): Promise<FormChoice[]>;
  formsFor(port: WorkbookPort, row: RegisterRow): Promise<FormChoice[]>;
  /** Validate the working-day calendar of 设置 before it is saved: rejects with zh + en naming the field and line. */
  checkCalendar(settings: PaneSettings): Promise<void>;
  generate(port: WorkbookPort, row: RegisterRow, formId: string, settings: PaneSettings, extras: { font?: Uint8Array; progress?: Progress }): Promise<GeneratedPdf>;
}

export interface StatsCheck {
  ok: boolean;
  message: string;
}

export interface StatsResult {
  title: string;
  /** The sheet it was written to, when it was. */
  sheet?: string;
  rows: (string | number | null)[][];
  checks: StatsCheck[];
}

export interface StatsService {
  monthly(port: WorkbookPort, settings: PaneSettings, o: { year: number; month: number }): Promise<StatsResult>;
  annual(port: WorkbookPort, settings: PaneSettings, o: { year: number }): Promise<StatsResult>;
}

export interface PaneServices {
  forms: FormsService;
  stats: StatsService;
}

const impl = () => import(/* webpackChunkName: "forms" */ './forms-impl.ts');
const font = () => import(/* webpackChunkName: "font" */ './bundled-font.ts').then((m) => m.loadBundledFont());

/**
 * The services of this build over addin/usecases (register, forms, stats). Everything heavy is
 * loaded on first use: the register/forms/statistics code (with pdf-lib and fontkit) when the
 * 表单 or 统计 tab first needs it, the 3 MB font only when a PDF is generated.
 */
export function defaultServices(): PaneServices {
  return {
    forms: {
      readRegister: async (port, settings) => (await impl()).readRegisterView(port, settings),
      numberedForms: async () => (await impl()).numberedFormTypes(),
      formsFor: async (_port, row) => (await impl()).formsForRow(row),
      checkCalendar: async (settings) => void (await impl()).paneCalendarSettings(settings.calendar, settings.officeName),
      generate: async (port, row, formId, settings, extras) => {
        extras.progress?.('正在加载字体和 PDF 组件… / loading fonts and PDF code…');
        const [m, primaryFont] = await Promise.all([impl(), font()]);
        return m.generatePdf(port, row, formId, settings, { primaryFont, ownFont: extras.font, progress: extras.progress });
      },
    },
    stats: {
      monthly: async (port, settings, o) => (await impl()).runStats(port, settings, o),
      annual: async (port, settings, o) => (await impl()).runStats(port, settings, { year: o.year }),
    },
  };
}
