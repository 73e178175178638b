/// <reference lib="dom" />
/**
 * Mount the workbench into an element. Used by workbench.html and by the task pane page when it
 * is opened outside Office.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { PaneServices } from '../taskpane/services.ts';
import { Workbench } from './Workbench.ts';

export function mountWorkbench(el: Element, services?: PaneServices): void {
  createRoot(el).render(createElement(Workbench, { services }));
}
