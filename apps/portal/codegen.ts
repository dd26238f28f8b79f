// Generates src/gql/ (GraphQL Code Generator's client preset): the portal's operations typed from the
// supergraph's API schema. `pnpm --filter @xueshi/portal codegen` writes it; a test checks it is current.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { generate } from '@graphql-codegen/cli';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));

/** The operations the portal sends: the shared contract's, the learners' and the staff pages' (all trusted documents). */
export const PORTAL_OPERATION_SOURCES = [
  join(here, '../../tests/contract/operations.graphql'),
  join(here, '../../gateway/operations/learner.graphql'),
  join(here, '../../gateway/operations/staff.graphql'),
];
export const GENERATED_DIR = join(here, 'src/gql/');

/** What a client may ask of the composed graph: the supergraph less its federation machinery. */
export function apiSchemaSdl(): string {
  const supergraph = readFileSync(join(here, '../../gateway/supergraph.graphql'), 'utf8');
  return printSchema(Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema());
}

function config(): CodegenConfig {
  return {
    schema: apiSchemaSdl(),
    documents: PORTAL_OPERATION_SOURCES,
    silent: true,
    generates: {
      [GENERATED_DIR]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          documentMode: 'string',
          useTypeImports: true,
          enumsAsTypes: true,
          scalars: { Date: 'string', DateTime: 'string' },
        },
      },
    },
  };
}

/** The generated files by path, without writing them. */
export async function generatePortalTypes(): Promise<Map<string, string>> {
  const files = (await generate(config(), false)) as { filename: string; content: string }[];
  return new Map(files.map(({ filename, content }) => [filename, content]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, content] of await generatePortalTypes()) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
    console.log(`wrote ${file}`);
  }
}
