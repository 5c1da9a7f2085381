// Writes schema/issue.schema.json from the zod schema (run by `npm run build`).
// The file is committed so editors find it in a fresh clone; a test checks it is current.
import { writeFileSync } from 'node:fs';
import { issueJsonSchema } from '../dist/issue/json-schema.js';

writeFileSync(new URL('../schema/issue.schema.json', import.meta.url), `${JSON.stringify(issueJsonSchema(), null, 2)}\n`);
