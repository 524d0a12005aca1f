/** Light and dark themes: CSS variables on <html data-theme>, and the palette the graph style reads. */

export type ThemeName = 'light' | 'dark';

export interface Palette {
  text: string;
  textOutline: string;
  background: string;
  edge: string;
  edgeText: string;
  accent: string;
  path: string;
}

const PALETTES: Record<ThemeName, Palette> = {
  light: { text: '#1f2328', textOutline: '#ffffff', background: '#ffffff', edge: '#9aa4ae', edgeText: '#4a545e', accent: '#0a66c2', path: '#d62976' },
  dark: { text: '#e6edf3', textOutline: '#0d1117', background: '#0d1117', edge: '#5b6673', edgeText: '#b7c0ca', accent: '#58a6ff', path: '#ff7eb6' },
};

const KEY = 'jejak.theme';

export function initialTheme(): ThemeName {
  const saved = localStorage.getItem(KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(name: ThemeName): Palette {
  document.documentElement.dataset.theme = name;
  localStorage.setItem(KEY, name);
  return PALETTES[name];
}

export function currentTheme(): ThemeName {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function paletteOf(name: ThemeName): Palette {
  return PALETTES[name];
}
