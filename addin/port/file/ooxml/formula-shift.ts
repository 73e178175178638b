/**
 * Move an A1-style formula by (dRow, dCol), the way Excel derives a shared formula's dependent
 * cells from its master: relative references move, `$`-anchored parts stay. Used only when a
 * shared formula's master cell is overwritten and a dependent must become the new master.
 *
 * Handles cell refs (B2, $B$2, Sheet1!B2, 'My sheet'!B2), ranges (B2:C3), whole columns (B:C) and
 * whole rows (2:3). Skips string literals, quoted sheet names, structured refs ([...]), and
 * function names (a name followed by '(').
 */

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_.\\]/.test(ch);

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  let out = '';
  let i = 0;
  const n = formula.length;
  const cellRe = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;
  const colRangeRe = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(])/y;
  const rowRangeRe = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![0-9A-Za-z_.(])/y;
  const shiftCol = (abs: string, letters: string): string => {
    if (abs) return abs + letters.toUpperCase();
    const c = colNum(letters) + dCol;
    return c < 1 || c > MAX_COL ? '#REF!' : colLetters(c);
  };
  const shiftRow = (abs: string, digits: string): string => {
    if (abs) return abs + digits;
    const r = Number(digits) + dRow;
    return r < 1 || r > MAX_ROW ? '#REF!' : String(r);
  };
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : undefined;
    if (!isWordChar(prev) && (ch === '$' || /[A-Za-z0-9]/.test(ch))) {
      const rest = formula.slice(i);
      colRangeRe.lastIndex = 0;
      let m = colRangeRe.exec(rest);
      if (m) {
        out += `${shiftCol(m[1], m[2])}:${shiftCol(m[3], m[4])}`;
        i += m[0].length;
        continue;
      }
      rowRangeRe.lastIndex = 0;
      m = rowRangeRe.exec(rest);
      if (m) {
        out += `${shiftRow(m[1], m[2])}:${shiftRow(m[3], m[4])}`;
        i += m[0].length;
        continue;
      }
      cellRe.lastIndex = 0;
      m = cellRe.exec(rest);
      if (m) {
        const after = rest[m[0].length];
        if (!(after !== undefined && /[A-Za-z0-9_(.!]/.test(after))) {
          const c = shiftCol(m[1], m[2]);
          const r = shiftRow(m[3], m[4]);
          out += c === '#REF!' || r === '#REF!' ? '#REF!' : c + r;
          i += m[0].length;
          continue;
        }
      }
      // A name or number: copy the whole word so its tail is not read as a reference.
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_.]/.test(formula[j])) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
