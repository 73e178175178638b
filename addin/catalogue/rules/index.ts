import type { Rule } from '../rule.ts';
import missingColumn from './missing-column/index.ts';
import unknownColumn from './unknown-column/index.ts';
import seqNumber from './seq-number/index.ts';
import blankRow from './blank-row/index.ts';
import rowShift from './row-shift/index.ts';
import requiredElement from './required-element/index.ts';
import splitText from './split-text/index.ts';
import channelVocabulary from './channel-vocabulary/index.ts';
import markNormalize from './mark-normalize/index.ts';
import deadlineFormat from './deadline-format/index.ts';
import basisCitation from './basis-citation/index.ts';
import basisConsistency from './basis-consistency/index.ts';
import textWhitespace from './text-whitespace/index.ts';
import textLatin from './text-latin/index.ts';
import textPunctuation from './text-punctuation/index.ts';
import nearDuplicate from './near-duplicate/index.ts';

/** Every rule, in reporting order. */
export const allRules: readonly Rule[] = [
  missingColumn,
  unknownColumn,
  seqNumber,
  blankRow,
  rowShift,
  requiredElement,
  splitText,
  channelVocabulary,
  markNormalize,
  deadlineFormat,
  basisCitation,
  basisConsistency,
  textWhitespace,
  textLatin,
  textPunctuation,
  nearDuplicate,
];
