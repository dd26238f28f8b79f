import { readFile } from 'node:fs/promises';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentHash, readTrustedDocuments } from '@xueshi/gateway/trusted-documents';
import { INITIAL_JS_BUDGET_BYTES, initialJsBytes } from '../build';
import { PORTAL_OPERATION_SOURCES, apiSchemaSdl, generatePortalTypes } from '../codegen';
import * as generated from '../src/gql/graphql';

describe("the portal's operations", () => {
  it('validate against the supergraph', async () => {
    const schema = buildSchema(apiSchemaSdl());
    for (const source of PORTAL_OPERATION_SOURCES) {
      expect(validate(schema, parse(await readFile(source, 'utf8'))).map(({ message }) => `${source}: ${message}`)).toEqual([]);
    }
  });

  it('have types generated from the current supergraph and operations (pnpm --filter @xueshi/portal codegen)', async () => {
    for (const [file, content] of await generatePortalTypes()) {
      expect(await readFile(file, 'utf8'), file).toBe(content);
    }
  });

  it('are each a trusted document, so a learner may send them in production', () => {
    const trusted = readTrustedDocuments();
    const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document'));
    expect(documents.length).toBeGreaterThan(5);
    for (const [name, document] of documents) {
      expect(trusted.has(documentHash(parse(String(document)))), name).toBe(true);
    }
  });
});

describe("the portal's build", () => {
  it('loads at most 300 KB of gzipped JavaScript before the catalogue shows', async () => {
    const bytes = await initialJsBytes();
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
  });
});
