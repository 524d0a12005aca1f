import { LABELS, NODE_LABELS, REL_PROPS, RELATIONSHIPS, endpointPairs, type PropDef } from '../../shared/schema.js';

function columns(props: PropDef[]): string {
  return props.map((p) => `${p.name} ${p.type}`).join(', ');
}

/** Kùzu DDL derived from shared/schema.ts: one node table per label, one rel table per type. */
export function kuzuSchemaStatements(): string[] {
  const nodes = NODE_LABELS.map(
    (label) => `CREATE NODE TABLE IF NOT EXISTS ${label}(${columns(LABELS[label].props)}, PRIMARY KEY(id))`,
  );
  const rels = RELATIONSHIPS.map((rel) => {
    const pairs = endpointPairs(rel.type).map(([from, to]) => `FROM ${from} TO ${to}`);
    return `CREATE REL TABLE IF NOT EXISTS ${rel.type}(${pairs.join(', ')}, ${columns(REL_PROPS)})`;
  });
  return [...nodes, ...rels];
}
