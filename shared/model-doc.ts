/** Renders the graph model of shared/schema.ts as Markdown (docs/MODEL.md), so the docs never drift from the code. */
import { LABELS, NODE_LABELS, REL_PROPS, RELATIONSHIPS } from './schema.js';

export function modelMarkdown(): string {
  const lines = [
    '# Graph model',
    '',
    '<!-- Generated from shared/schema.ts by `npx tsx scripts/gen-model-doc.ts`; a test fails when it is stale. -->',
    '',
    '## Node labels',
    '',
    '| label | colour | shape | what | properties |',
    '| --- | --- | --- | --- | --- |',
    ...NODE_LABELS.map((l) => {
      const d = LABELS[l];
      return `| \`${l}\` | ${d.color} | ${d.shape} | ${d.description} | ${d.props.map((p) => `\`${p.name}\` ${p.type}`).join(', ')} |`;
    }),
    '',
    '## Relationship types',
    '',
    '| type | from | to | meaning |',
    '| --- | --- | --- | --- |',
    ...RELATIONSHIPS.map((r) => `| \`${r.type}\` | ${r.from.join(', ')} | ${r.to.join(', ')} | ${r.description} |`),
    '',
    '## Relationship properties (every type)',
    '',
    '| property | type | meaning |',
    '| --- | --- | --- |',
    ...REL_PROPS.map((p) => `| \`${p.name}\` | ${p.type} | ${p.description} |`),
    '',
  ];
  return lines.join('\n');
}
