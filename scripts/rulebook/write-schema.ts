/**
 * Writes docs/portfolio-document.schema.json from the TypeScript source of truth
 * (libs/rulebook/src/document/portfolio-document.schema.ts).
 *   npx tsx libs/rulebook/scripts/write-schema.ts
 * A unit test fails when the published file and the source differ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { portfolioDocumentSchema } from '../../libs/rulebook/src/document/portfolio-document.schema';

const file = join(__dirname, '..', '..', 'docs', 'portfolio-document.schema.json');
writeFileSync(file, `${JSON.stringify(portfolioDocumentSchema, null, 2)}\n`);
process.stdout.write('wrote docs/portfolio-document.schema.json\n');
