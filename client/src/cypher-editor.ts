/**
 * Ad-hoc, read-only Cypher with Neo4j's editor (@neo4j-cypher/codemirror:
 * highlighting, autocomplete from the schema, lint), in a drawer as wide as
 * the graph. The editor is loaded on demand; a plain textarea stands in if it
 * cannot load. Errors show under it, a syntax error said as one.
 */
import type { QueryResponse } from '../../shared/api.js';
import { LABELS, NODE_LABELS, REL_PROPS, REL_TYPES } from '../../shared/schema.js';
import { ApiFailure, api, messageOf } from './api.js';
import { byId, clear, el } from './dom.js';
import { targetChoice } from './queries.js';
import { currentTheme } from './theme.js';

const EXAMPLE = "MATCH (s:State)-[r:RATIFIED|SIGNED]->(a:Agreement)\nRETURN s, r, a\nLIMIT 25";

interface Editor {
  value(): string;
  setTheme(theme: 'light' | 'dark'): void;
}

/** Autocomplete vocabulary, derived from the one schema. */
function editorSchema() {
  const props = new Set<string>(REL_PROPS.map((p) => p.name));
  for (const l of NODE_LABELS) for (const p of LABELS[l].props) props.add(p.name);
  return { labels: NODE_LABELS.map((l) => ':' + l), relationshipTypes: REL_TYPES.map((t) => ':' + t), propertyKeys: [...props] };
}

async function cypherEditor(host: HTMLElement, onRun: () => void): Promise<Editor> {
  try {
    const { createCypherEditor } = await import('@neo4j-cypher/codemirror');
    type EditorApi = ReturnType<typeof createCypherEditor>;
    await import('@neo4j-cypher/codemirror/css/cypher-codemirror.css');
    // 1.0.3 returns { editor } although its typings promise the editor itself.
    const created = createCypherEditor(host, {
      value: EXAMPLE,
      schema: editorSchema(),
      theme: currentTheme(),
      lineNumbers: true,
      lineWrapping: true,
      lint: true,
      autocomplete: true,
      history: true,
    }) as EditorApi & { editor?: EditorApi };
    const editor = created.editor ?? created;
    editor.onKeyDown((event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        onRun();
      }
    });
    editor.codemirror.contentDOM.setAttribute('aria-label', 'Cypher query');
    return { value: () => editor.codemirror.state.doc.toString(), setTheme: (t) => editor.setTheme(t) };
  } catch (err) {
    console.warn('jejak: the Cypher editor did not load; using a plain text area', err);
    host.replaceChildren();
    const area = el('textarea', { 'aria-label': 'Cypher query', rows: 8, spellcheck: 'false', class: 'mono' });
    area.value = EXAMPLE;
    area.addEventListener('keydown', (ev) => {
      if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') onRun();
    });
    host.append(area);
    return { value: () => area.value, setTheme: () => undefined };
  }
}

export interface CypherPanel {
  open(): Promise<void>;
  close(): void;
  setTheme(theme: 'light' | 'dark'): void;
}

/** What went wrong, in words: the API's syntax errors ("not valid Cypher: …") get their own heading. */
export function describeCypherError(err: unknown): { title: string; message: string } {
  const message = messageOf(err);
  if (err instanceof ApiFailure && (/syntax/i.test(err.code) || message.startsWith('not valid Cypher'))) return { title: 'Syntax error', message: message.replace(/^not valid Cypher: /, '') };
  if (err instanceof ApiFailure && err.status >= 400 && err.status < 500) return { title: 'Refused', message };
  return { title: 'Query failed', message };
}

export function createCypherPanel(onResult: (title: string, res: QueryResponse) => void): CypherPanel {
  const pane = byId('pane-cypher');
  const drawer = byId('cypher-drawer');
  let editor: Editor | undefined;
  let loading: Promise<void> | undefined;

  const error = el('div', { class: 'cypher-error', id: 'cypher-error', role: 'alert', hidden: true });
  const run = el('button', { type: 'button', id: 'cypher-run', text: 'Run (Ctrl+Enter)', 'aria-label': 'Run (Ctrl+Enter) the Cypher query' });
  const closeButton = el('button', { type: 'button', id: 'cypher-close', class: 'link', 'aria-label': 'Close the Cypher editor', text: '✕' });
  const openButton = el('button', { type: 'button', id: 'cypher-open', text: 'Open the Cypher editor' });

  const execute = async () => {
    if (!editor) return;
    error.hidden = true;
    run.disabled = true;
    try {
      onResult('Cypher', await api.cypher({ query: editor.value() }));
    } catch (err) {
      const d = describeCypherError(err);
      error.replaceChildren(el('strong', { text: `${d.title}: ` }), d.message);
      error.hidden = false;
    } finally {
      run.disabled = false;
    }
  };
  run.addEventListener('click', () => void execute());

  const close = () => {
    drawer.hidden = true;
    openButton.hidden = false;
  };
  closeButton.addEventListener('click', close);

  const open = () => {
    drawer.hidden = false;
    openButton.hidden = true;
    loading ??= (async () => {
      const host = el('div', { class: 'cypher-host', id: 'cypher-host' });
      drawer.append(
        el('header', { class: 'drawer-head' }, el('h2', { class: 'small-heading', text: 'Cypher' }), el('span', { class: 'muted small', text: 'Read-only: queries that write are refused. Results are capped.' }), closeButton),
        host,
        el('div', { class: 'row drawer-actions' }, run, targetChoice()),
        error,
      );
      editor = await cypherEditor(host, () => void execute());
    })();
    return loading;
  };
  openButton.addEventListener('click', () => void open());
  clear(pane);
  pane.append(el('p', { class: 'muted small', text: 'Ad-hoc read-only Cypher, in an editor under the graph.' }), openButton);

  return {
    open,
    close,
    setTheme(theme) {
      editor?.setTheme(theme);
    },
  };
}
