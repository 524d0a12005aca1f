/**
 * Export of what is shown: PNG (cy.png) and SVG (cytoscape-svg) as drawn,
 * and the API's data formats (GraphML, GEXF, CSV, Cypher, Cytoscape JSON)
 * for the visible nodes and every relationship among them.
 */
import type { Core } from 'cytoscape';
import type { ExportFormatInfo } from '../../shared/api.js';
import { api, messageOf } from './api.js';
import { byId, clear, download, el } from './dom.js';

interface SvgCore {
  svg(options: { full?: boolean; scale?: number; bg?: string }): string;
}

function visibleNodeIds(cy: Core): string[] {
  return cy.nodes().not('.filtered').not('.faded').map((n) => n.id());
}

function background(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
}

/** An image of an empty view would be a blank (or 0-byte) file: say so instead. */
function requireShown(cy: Core): void {
  if (cy.elements().not('.filtered').empty()) throw new Error('nothing to export: the view is empty');
}

export function exportPng(cy: Core): void {
  requireShown(cy);
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: background() });
  download(blob, 'jejak.png');
}

export function exportSvg(cy: Core): void {
  requireShown(cy);
  const text = (cy as unknown as SvgCore).svg({ full: true, bg: background() });
  download(new Blob([text], { type: 'image/svg+xml' }), 'jejak.svg');
}

export async function exportData(cy: Core, format: string): Promise<string> {
  const ids = visibleNodeIds(cy);
  if (!ids.length) throw new Error('nothing to export: the view is empty');
  const file = await api.exportIds(format, ids);
  download(file.blob, file.filename);
  return file.truncated ? `${file.filename}: cut at the row limit` : `${file.filename} downloaded`;
}

/** The Export menu button: images first, then the formats the API offers. */
export function createExportMenu(cy: Core, status: (text: string, error?: boolean) => void): void {
  const root = byId('export');
  const button = el('button', { type: 'button', id: 'export-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': 'export-menu', text: 'Export ▾' });
  const menu = el('ul', { id: 'export-menu', role: 'menu', 'aria-label': 'Export formats', hidden: true });
  root.append(button, menu);

  const item = (id: string, text: string, action: () => void | Promise<unknown>) => {
    const b = el('button', { type: 'button', role: 'menuitem', id: `export-${id}`, text });
    b.addEventListener('click', async () => {
      close();
      try {
        const msg = await action();
        status(typeof msg === 'string' ? msg : `${text} downloaded`);
      } catch (err) {
        status(messageOf(err), true);
      }
    });
    return el('li', { role: 'none' }, b);
  };

  const close = () => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };
  const fill = (formats: ExportFormatInfo[]) => {
    clear(menu);
    menu.append(item('png', 'PNG image', () => exportPng(cy)), item('svg', 'SVG image', () => exportSvg(cy)));
    for (const f of formats) menu.append(item(f.id, `${f.id.toUpperCase()} (.${f.extension})`, () => exportData(cy, f.id)));
  };
  fill([]);
  api.exportFormats().then(fill, (err: unknown) => status(`export formats unavailable: ${messageOf(err)}`, true));

  button.addEventListener('click', () => {
    const open = menu.hidden;
    menu.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) menu.querySelector('button')?.focus();
  });
  menu.addEventListener('keydown', (ev) => {
    const items = [...menu.querySelectorAll('button')];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (ev.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (ev.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else if (ev.key === 'Escape') {
      close();
      button.focus();
    } else return;
    ev.preventDefault();
  });
  document.addEventListener('click', (ev) => {
    if (!root.contains(ev.target as Node)) close();
  });
}
