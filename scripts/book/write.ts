/** `npm run book`: write the policy book and its charts under docs/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderBook } from './policy-book.js';

for (const [path, text] of Object.entries(renderBook())) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
