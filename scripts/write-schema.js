// Writes schema/issue.schema.json and schema/theme.schema.json from the zod schemas (run by `npm run build`).
// The files are committed so editors find them in a fresh clone; a test checks they are current.
import { writeFileSync } from 'node:fs';
import { issueJsonSchema } from '../dist/issue/json-schema.js';
import { themeJsonSchema } from '../dist/theme/json-schema.js';

writeFileSync(new URL('../schema/issue.schema.json', import.meta.url), `${JSON.stringify(issueJsonSchema(), null, 2)}\n`);
writeFileSync(new URL('../schema/theme.schema.json', import.meta.url), `${JSON.stringify(themeJsonSchema(), null, 2)}\n`);
