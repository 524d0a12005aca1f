import fs from 'node:fs';
import { modelMarkdown } from '../shared/model-doc.js';

fs.writeFileSync(new URL('../docs/MODEL.md', import.meta.url), modelMarkdown());
console.log('wrote docs/MODEL.md');
