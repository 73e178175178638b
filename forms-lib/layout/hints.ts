/**
 * Break hints for titles and labels (breakBalanced): where a word or a name ends (a good place
 * to break) and where a break would split one. Pure string work on a word list the caller gives:
 * the layout knows no vocabulary of its own.
 */
import type { BreakHints } from './linebreak.ts';

export interface Span {
  /** UTF-16 index of the first character */
  start: number;
  /** UTF-16 index after the last character */
  end: number;
}

/**
 * Hints for `text`: each `span` (e.g. a substituted office name) is one name, never to be split
 * when avoidable, with good breaks at both ends; the text outside the spans is cut into the
 * `words` by longest match from the left, giving good breaks at word ends and avoided breaks
 * inside words. Positions between characters no word covers get neither.
 */
export function wordHints(text: string, words: readonly string[], spans: readonly Span[] = []): BreakHints {
  const mark = new Map<number, 'good' | 'avoid'>();
  const inSpan = new Array<boolean>(text.length).fill(false);
  for (const s of spans) for (let i = s.start; i < s.end; i++) inSpan[i] = true;
  const sorted = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  let i = 0;
  while (i < text.length) {
    if (inSpan[i]) {
      i++;
      continue;
    }
    const w = sorted.find((word) => text.startsWith(word, i) && !inSpan.slice(i, i + word.length).includes(true));
    if (!w) {
      i++;
      continue;
    }
    for (let k = i + 1; k < i + w.length; k++) mark.set(k, 'avoid');
    if (i > 0 && mark.get(i) !== 'avoid') mark.set(i, 'good');
    mark.set(i + w.length, 'good');
    i += w.length;
  }
  for (const s of spans) {
    if (s.end <= s.start) continue;
    for (let k = s.start + 1; k < s.end; k++) mark.set(k, 'avoid');
    if (s.start > 0) mark.set(s.start, 'good');
    mark.set(s.end, 'good');
  }
  const good: number[] = [];
  const avoid: number[] = [];
  for (const [k, v] of mark) {
    if (k <= 0 || k >= text.length) continue;
    (v === 'good' ? good : avoid).push(k);
  }
  return { good: good.sort((a, b) => a - b), avoid: avoid.sort((a, b) => a - b) };
}
