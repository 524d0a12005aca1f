/**
 * A context menu: a WAI-ARIA menu (role=menu, menuitems, groups) placed at a
 * point of the page. Arrow keys, Home and End move within it, Enter or a click
 * runs an item, Escape (or Tab, or a click elsewhere) closes it and gives the
 * focus back to where it came from. One menu at a time; what it offers is
 * decided by the caller (main.ts: node and edge actions).
 */
import { el } from './dom.js';
import './context-menu.css';

export interface MenuItem {
  text: string;
  /** More on what it does, as a tooltip (the text stays the accessible name). */
  title?: string;
  run(): void;
  /** A toggle (pin): shown as a checkbox item with its state. */
  checked?: boolean;
  id?: string;
}

export interface MenuGroup {
  /** The group's heading, also its accessible name. */
  group: string;
  items: MenuItem[];
  /** Shown instead when the group has no item. */
  empty?: string;
}

export type MenuEntry = MenuItem | MenuGroup;

export interface MenuRequest {
  /** What the menu acts on, for its accessible name ("Actions on North Korea"). */
  label: string;
  /** Page coordinates (client pixels) of its top-left corner. */
  x: number;
  y: number;
  entries: MenuEntry[];
  /** Gets the focus back when the menu closes. */
  returnFocus: HTMLElement;
}

let open: { root: HTMLElement; close(restore: boolean): void } | null = null;

export function closeContextMenu(restoreFocus = true): void {
  open?.close(restoreFocus);
}

export function isContextMenuOpen(): boolean {
  return open !== null;
}

function itemButton(item: MenuItem, activate: (item: MenuItem) => void): HTMLElement {
  const toggle = item.checked !== undefined;
  const b = el('button', {
    type: 'button',
    role: toggle ? 'menuitemcheckbox' : 'menuitem',
    'aria-checked': toggle ? String(item.checked) : undefined,
    title: item.title,
    id: item.id,
    tabindex: -1,
    class: 'menu-item',
    text: item.text,
  });
  b.addEventListener('click', () => activate(item));
  return b;
}

/** Opens the menu, focused on its first item. */
export function openContextMenu(req: MenuRequest): HTMLElement {
  closeContextMenu(false);
  const root = el('div', { id: 'context-menu', class: 'context-menu', role: 'menu', 'aria-label': `Actions on ${req.label}`, 'aria-orientation': 'vertical' });
  const activate = (item: MenuItem) => {
    close(true);
    item.run();
  };
  for (const entry of req.entries) {
    if ('group' in entry) {
      const headingId = `context-menu-g${root.childElementCount}`;
      const group = el('div', { role: 'group', 'aria-labelledby': headingId, class: 'menu-group' }, el('div', { id: headingId, class: 'menu-heading', role: 'presentation', text: entry.group }));
      for (const item of entry.items) group.append(itemButton(item, activate));
      if (!entry.items.length && entry.empty) group.append(el('div', { class: 'menu-empty muted small', role: 'presentation', text: entry.empty }));
      root.append(group);
    } else root.append(itemButton(entry, activate));
  }
  const items = () => [...root.querySelectorAll<HTMLElement>('[role^=menuitem]')];
  const move = (delta: number | 'first' | 'last') => {
    const all = items();
    if (!all.length) return;
    const at = all.indexOf(document.activeElement as HTMLElement);
    const next = delta === 'first' ? 0 : delta === 'last' ? all.length - 1 : (at + delta + all.length) % all.length;
    all[next].focus();
  };
  root.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') move(1);
    else if (ev.key === 'ArrowUp') move(-1);
    else if (ev.key === 'Home') move('first');
    else if (ev.key === 'End') move('last');
    else if (ev.key === 'Escape') close(true);
    else if (ev.key === 'Tab') close(true);
    else return;
    ev.preventDefault();
    ev.stopPropagation();
  });
  // A press anywhere else closes it (the press itself then does what it does there).
  const outside = (ev: PointerEvent) => {
    if (!root.contains(ev.target as Node)) close(false);
  };
  function close(restore: boolean): void {
    if (open?.root !== root) return;
    open = null;
    document.removeEventListener('pointerdown', outside, true);
    root.remove();
    if (restore) req.returnFocus.focus({ preventScroll: true });
  }
  document.body.append(root);
  // Kept inside the window: a menu opened near the right or bottom edge opens towards the inside.
  const box = root.getBoundingClientRect();
  root.style.left = `${Math.max(4, Math.min(req.x, window.innerWidth - box.width - 4))}px`;
  root.style.top = `${Math.max(4, Math.min(req.y, window.innerHeight - box.height - 4))}px`;
  document.addEventListener('pointerdown', outside, true);
  open = { root, close };
  move('first');
  return root;
}
