import type { Rule } from '../rule.ts';
import missingColumn from './missing-column/index.ts';
import unknownColumn from './unknown-column/index.ts';
import seqNumber from './seq-number/index.ts';
import blankRow from './blank-row/index.ts';
import rowShift from './row-shift/index.ts';
import requiredElement from './required-element/index.ts';
import splitText from './split-text/index.ts';

/** Every rule, in reporting order. */
export const allRules: readonly Rule[] = [missingColumn, unknownColumn, seqNumber, blankRow, rowShift, requiredElement, splitText];
