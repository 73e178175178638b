/// <reference lib="dom" />
/**
 * Hand bytes to the user as a file: an <a download> click on a blob URL. Works in browsers and
 * in the task pane's web view (Excel on the web, WebView2).
 */
export function downloadBytes(name: string, bytes: Uint8Array, mime: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Open bytes in a new browser tab (a PDF shows in the browser's viewer). False when a pop-up blocker refused. */
export function openBytes(bytes: Uint8Array, mime: string): boolean {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const w = window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000);
  return w !== null;
}
