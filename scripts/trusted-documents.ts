// Writes gateway/trusted-documents.json: the operations the frontends ship, which anonymous callers and
// learners may run in production (ADR 0014). Run after changing any of TRUSTED_DOCUMENT_SOURCES.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { TRUSTED_DOCUMENTS_FILE, TRUSTED_DOCUMENT_SOURCES, trustedDocumentManifest } from '@xueshi/gateway/trusted-documents';

const sources = await Promise.all(TRUSTED_DOCUMENT_SOURCES.map((source) => readFile(source, 'utf8')));
const manifest = trustedDocumentManifest(sources);
await writeFile(TRUSTED_DOCUMENTS_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${Object.keys(manifest).length} trusted documents to ${fileURLToPath(TRUSTED_DOCUMENTS_FILE)}`);
