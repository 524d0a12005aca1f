/**
 * Building DOM from data. Text always goes in as text (textContent), never
 * as HTML: quotes and names come from articles and may contain markup.
 */

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | number | undefined | null | EventListener>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') node.addEventListener(key.replace(/^on/, ''), value);
    else if (key === 'class') node.className = String(value);
    else if (key === 'text') node.textContent = String(value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(node: Element): void {
  node.replaceChildren();
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id} in index.html`);
  return node as T;
}

/** Text split around [start, end) with the middle in a <mark>. */
export function highlighted(text: string, start: number, end: number, markClass = 'quote'): DocumentFragment {
  const frag = document.createDocumentFragment();
  if (start < 0 || end > text.length || start >= end) {
    frag.append(document.createTextNode(text));
    return frag;
  }
  frag.append(document.createTextNode(text.slice(0, start)), el('mark', { class: markClass, text: text.slice(start, end) }), document.createTextNode(text.slice(end)));
  return frag;
}

/** Starts a browser download of a blob. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
