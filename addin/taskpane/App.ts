/// <reference lib="dom" />
/**
 * The task pane: four tabs over one host object. The same component runs in Excel (host built
 * from Office.js in index.ts) and in the browser workbench (host built from the file adapter).
 */
import { Button, FluentProvider, Spinner, Tab, TabList, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { Component, type ReactNode, createElement as h, useCallback, useEffect, useState } from 'react';
import { CatalogueTab } from './CatalogueTab.ts';
import { FormsTab } from './FormsTab.ts';
import { errorText } from './host.ts';
import type { PaneHost } from './host.ts';
import { type PaneLocale, t } from './i18n.ts';
import type { PaneSettings } from './settings.ts';
import { SettingsTab } from './SettingsTab.ts';
import { StatsTab } from './StatsTab.ts';
import { data } from './data-attrs.ts';

export type TabId = 'catalogue' | 'forms' | 'stats' | 'settings';

const useStyles = makeStyles({
  root: { minHeight: '100vh', boxSizing: 'border-box', padding: '8px 12px', backgroundColor: tokens.colorNeutralBackground1 },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px' },
  body: { paddingTop: '8px' },
});

class Boundary extends Component<{ children: ReactNode; locale: PaneLocale }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error) return h('p', { role: 'alert' }, t(this.props.locale, 'unexpected', { message: errorText(this.state.error, this.props.locale) }));
    return this.props.children;
  }
}

export interface AppProps {
  host: PaneHost;
  initialTab?: TabId;
  /** Extra controls in the header (the workbench's 打开/下载). */
  toolbar?: ReactNode;
}

export function App({ host, initialTab = 'catalogue', toolbar }: AppProps) {
  const s = useStyles();
  const [settings, setSettings] = useState<PaneSettings | null>(null);
  const [tab, setTab] = useState<TabId>(initialTab);
  const [font, setFontState] = useState<{ name: string; bytes: Uint8Array } | undefined>();
  const [themeName, setThemeName] = useState(host.theme);

  useEffect(() => {
    let live = true;
    void host.settings.load().then((v) => live && setSettings(v));
    // The own font uploaded in an earlier session (IndexedDB).
    host.fonts
      ?.load()
      .then((f) => live && f && setFontState(f))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host.settings, host.fonts]);

  useEffect(() => host.onThemeChange?.(setThemeName), [host]);

  /** Keep the font for this session, and in the host's font store for the next ones. */
  const setFont = useCallback(
    async (f: { name: string; bytes: Uint8Array } | undefined) => {
      setFontState(f);
      if (!host.fonts) return false;
      if (f) await host.fonts.save(f);
      else await host.fonts.clear();
      return true;
    },
    [host.fonts],
  );

  const saveSettings = useCallback(
    async (next: PaneSettings) => {
      await host.settings.save(next);
      setSettings(next);
    },
    [host.settings],
  );

  const theme = themeName === 'dark' ? webDarkTheme : webLightTheme;
  const locale: PaneLocale = settings?.locale ?? 'zh-CN';
  const label = (id: TabId) => t(locale, id === 'catalogue' ? 'tabCatalogue' : id === 'forms' ? 'tabForms' : id === 'stats' ? 'tabStats' : 'tabSettings');

  let body: ReactNode;
  if (!settings) body = h(Spinner, { size: 'small' });
  else if (tab === 'catalogue') body = h(CatalogueTab, { host, settings, saveSettings, locale });
  else if (tab === 'forms') body = h(FormsTab, { host, settings, locale, font: font?.bytes });
  else if (tab === 'stats') body = h(StatsTab, { host, settings, locale });
  else body = h(SettingsTab, { host, settings, saveSettings, locale, font, setFont });

  return h(
    FluentProvider,
    { theme, lang: locale },
    h(
      'div',
      { className: s.root, ...data({ ready: settings ? 'true' : 'false', theme: themeName }), id: 'xxgk-pane' },
      h(
        'div',
        { className: s.head },
        h(Title3, { as: 'h1' }, t(locale, 'appTitle')),
        h(
          'div',
          null,
          toolbar,
          h(
            Button,
            { size: 'small', appearance: 'subtle', ...data({ testid: 'locale' }), onClick: () => settings && void saveSettings({ ...settings, locale: locale === 'en' ? 'zh-CN' : 'en' }) },
            t(locale, 'language'),
          ),
        ),
      ),
      h(
        TabList,
        { selectedValue: tab, onTabSelect: (_e: unknown, d: { value: unknown }) => setTab(d.value as TabId), size: 'small' },
        ...(['catalogue', 'forms', 'stats', 'settings'] as const).map((id) => h(Tab, { key: id, value: id, ...data({ tab: id }) }, label(id))),
      ),
      h('div', { className: s.body }, h(Boundary, { locale, children: body })),
    ),
  );
}
