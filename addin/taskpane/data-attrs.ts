/**
 * `data-*` attributes for createElement props (JSX allows them on any element; an object literal
 * does not type-check them). Spread the result: `h(Button, { onClick, ...data({ testid: 'fix-all' }) })`.
 */
export function data(attrs: Record<string, string | number | boolean | undefined>): object {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out[`data-${k}`] = String(v);
  return out;
}
