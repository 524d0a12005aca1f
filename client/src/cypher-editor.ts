/**
 * Ad-hoc, read-only Cypher with Neo4j's editor (@neo4j-cypher/codemirror:
 * highlighting, autocomplete from the schema, lint). The editor is loaded on
 * demand; a plain textarea stands in if it cannot load. Errors show inline.
 */
import type { QueryResponse } from '../../shared/api.js';
import { LABELS, NODE_LABELS, REL_PROPS, REL_TYPES } from '../../shared/schema.js';
import { api, messageOf } from './api.js';
import { byId, clear, el } from './dom.js';
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
  setTheme(theme: 'light' | 'dark'): void;
}

export function createCypherPanel(onResult: (title: string, res: QueryResponse) => void): CypherPanel {
  const root = byId('pane-cypher');
  let editor: Editor | undefined;
  let loading: Promise<void> | undefined;

  const error = el('pre', { class: 'error cypher-error', id: 'cypher-error', role: 'alert', hidden: true });
  const run = el('button', { type: 'button', id: 'cypher-run', text: 'Run (Ctrl+Enter)', 'aria-label': 'Run the Cypher query' });

  const execute = async () => {
    if (!editor) return;
    error.hidden = true;
    run.disabled = true;
    try {
      onResult('Cypher', await api.cypher({ query: editor.value() }));
    } catch (err) {
      error.textContent = messageOf(err);
      error.hidden = false;
    } finally {
      run.disabled = false;
    }
  };
  run.addEventListener('click', () => void execute());

  return {
    open() {
      loading ??= (async () => {
        clear(root);
        const host = el('div', { class: 'cypher-host', id: 'cypher-host' });
        root.append(el('p', { class: 'muted small', text: 'Read-only: queries that write are refused. Results are capped.' }), host, run, error);
        editor = await cypherEditor(host, () => void execute());
      })();
      return loading;
    },
    setTheme(theme) {
      editor?.setTheme(theme);
    },
  };
}
