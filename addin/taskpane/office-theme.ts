/** Dark when the Office body background is dark (relative luminance below one half). */
export function themeOf(color: string | undefined): 'light' | 'dark' {
  const m = /^#?([0-9a-f]{6})$/i.exec(color ?? '');
  if (!m) return 'light';
  const n = parseInt(m[1], 16);
  const lum = (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255;
  return lum < 0.5 ? 'dark' : 'light';
}

/** The part of window / document the watcher uses. */
interface EventSource {
  addEventListener(type: string, f: () => void): void;
  removeEventListener(type: string, f: () => void): void;
}

/**
 * The Office theme. Office.js has no theme-changed event for Excel: Office.EventType.
 * OfficeThemeChanged exists only in Outlook (Mailbox 1.14, Office.context.mailbox.addHandlerAsync).
 * So the pane reads Office.context.officeTheme when it starts, and again whenever it becomes
 * visible or gets the focus back — one property read; where the host refreshes that object
 * without reloading the pane, the pane follows, otherwise the new theme shows on the next open.
 */
export function officeThemeWatcher(
  office: { context: { officeTheme?: { bodyBackgroundColor?: string } } },
  win: EventSource,
  doc: EventSource,
): (listener: (theme: 'light' | 'dark') => void) => () => void {
  return (listener) => {
    let last = themeOf(office.context.officeTheme?.bodyBackgroundColor);
    const check = () => {
      const now = themeOf(office.context.officeTheme?.bodyBackgroundColor);
      if (now !== last) listener((last = now));
    };
    win.addEventListener('focus', check);
    doc.addEventListener('visibilitychange', check);
    return () => {
      win.removeEventListener('focus', check);
      doc.removeEventListener('visibilitychange', check);
    };
  };
}

