/** Dark when the Office body background is dark (relative luminance below one half). */
export function themeOf(color: string | undefined): 'light' | 'dark' {
  const m = /^#?([0-9a-f]{6})$/i.exec(color ?? '');
  if (!m) return 'light';
  const n = parseInt(m[1], 16);
  const lum = (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255;
  return lum < 0.5 ? 'dark' : 'light';
}
