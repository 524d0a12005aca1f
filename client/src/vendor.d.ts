// Cytoscape extensions that ship without types: each is a registration function for cytoscape.use().
declare module 'cytoscape-fcose' {
  const ext: import('cytoscape').Ext;
  export default ext;
}
declare module 'cytoscape-svg' {
  const ext: import('cytoscape').Ext;
  export default ext;
}
// The package's "exports" map has no "types" condition; its declarations live at src/codemirror.d.ts.
declare module '@neo4j-cypher/codemirror' {
  export * from '@neo4j-cypher/codemirror/src/codemirror.js';
}
// Stylesheets imported for their side effect; Vite bundles them.
declare module '*.css';
