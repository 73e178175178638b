#!/usr/bin/env node
// The `xxgk` command. Runs the TypeScript sources directly through tsx, so `npx xxgk …` works
// right after `npm ci` with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
