/// <reference lib="dom" />
/** workbench.html entry: the standalone page (no Office.js). */
import { mountWorkbench } from './mount.ts';

mountWorkbench(document.getElementById('root') ?? document.body.appendChild(document.createElement('div')));
