/** What the CLI tests share: the repository root, running `main` with captured output, file checks. */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../bin/cli.ts';

export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
export const SAMPLES = path.join(ROOT, 'test/fixtures/samples');

/** Run the CLI in this process: exit code, stdout and stderr as text. */
export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { log: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export const sha = (p: string): string => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');

/** A PDF's text (pdftotext), with all whitespace removed. */
export const pdfText = (pdf: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
