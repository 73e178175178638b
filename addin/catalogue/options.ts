/** Office settings the catalogue rules read. Everything marked [M] in domain.md is configurable. */
export interface CatalogueOptions {
  /** The one tick mark the office uses; other ticks are normalised to it (safe fix). */
  mark: string;
  /** Extra local channel names accepted as-is (besides the national list and known variants). */
  extraChannels: string[];
  /** Rule id -> severity override, or 'off'. */
  severity: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  /** Findings the user chose to ignore: `${ruleId}@${cell}`. */
  ignored: string[];
}

export const DEFAULT_OPTIONS: CatalogueOptions = {
  mark: '√',
  extraChannels: [],
  severity: {},
  ignored: [],
};

export function withDefaults(o?: Partial<CatalogueOptions>): CatalogueOptions {
  return { ...DEFAULT_OPTIONS, ...(o ?? {}) };
}
