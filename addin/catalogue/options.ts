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

/**
 * The options with defaults for what `o` leaves out (as `{ ...DEFAULT_OPTIONS, ...o }` would give:
 * a key `o` has, even when undefined, wins). Written out, not spread: a spread copy's shape is
 * made per call and V8 drops it with the copy, and with it the compiled code of every rule that
 * read the options.
 */
export function withDefaults(o?: Partial<CatalogueOptions>): CatalogueOptions {
  const d = DEFAULT_OPTIONS;
  if (!o) return { mark: d.mark, extraChannels: d.extraChannels, severity: d.severity, ignored: d.ignored };
  const has = (k: keyof CatalogueOptions) => Object.prototype.hasOwnProperty.call(o, k);
  return {
    mark: has('mark') ? o.mark! : d.mark,
    extraChannels: has('extraChannels') ? o.extraChannels! : d.extraChannels,
    severity: has('severity') ? o.severity! : d.severity,
    ignored: has('ignored') ? o.ignored! : d.ignored,
  };
}
