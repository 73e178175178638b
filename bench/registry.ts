/**
 * Every benchmark `npm run bench` knows, in run order. To add one: write bench/<name>.ts
 * exporting `defineBenchmark({...})` as default (see bench/README.md) and list it here.
 */
import type { Benchmark } from './lib/harness.ts';
import catalogueValidate10k from './catalogue-validate-10k.ts';
import cliValidate10kXlsx from './cli-validate-10k-xlsx.ts';
import addinTaskpane from './addin-taskpane.ts';
import stats100k from './stats-100k.ts';
import pdfDafushu from './pdf-dafushu.ts';

export const benchmarks: readonly Benchmark[] = [catalogueValidate10k, cliValidate10kXlsx, addinTaskpane, ...pdfDafushu, stats100k];
