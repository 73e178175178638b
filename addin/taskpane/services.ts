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
  /** State label in Chinese (e.g. 办理中, 已答复). */
  status: string;
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
}

export interface GeneratedPdf {
  fileName: string;
  bytes: Uint8Array;
}

export type Progress = (message: string) => void;

export interface FormsService {
  readRegister(port: WorkbookPort): Promise<RegisterView>;
  formsFor(port: WorkbookPort, row: RegisterRow): Promise<FormChoice[]>;
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
  monthly(port: WorkbookPort, o: { year: number; month: number }): Promise<StatsResult>;
  annual(port: WorkbookPort, o: { year: number }): Promise<StatsResult>;
}

export interface PaneServices {
  forms: FormsService;
  stats: StatsService;
}

/** Raised when a feature's module is not part of this build; the pane shows it in plain Chinese. */
export class FeatureUnavailableError extends Error {
  readonly feature: string;
  constructor(feature: string) {
    super(`「${feature}」功能尚未安装到本版本 / the ${feature} feature is not part of this build yet`);
    this.name = 'FeatureUnavailableError';
    this.feature = feature;
  }
}

const unavailable = (feature: string) => () => Promise.reject(new FeatureUnavailableError(feature));

/**
 * The services of this build. Register reading, form generation and statistics are being written
 * in forms-lib/register, forms-lib/templates and forms-lib/stats; until they land, both tabs say so.
 */
export function defaultServices(): PaneServices {
  return {
    forms: {
      readRegister: unavailable('表单'),
      formsFor: unavailable('表单'),
      generate: unavailable('表单'),
    },
    stats: {
      monthly: unavailable('统计'),
      annual: unavailable('统计'),
    },
  };
}
