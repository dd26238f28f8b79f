// Regenerates every subgraph's generated.graphql, composes gateway/supergraph.graphql from them, and
// generates the resolver and operation types from the SDL (`pnpm codegen`).
import { fileURLToPath } from 'node:url';
import { CompositionError, writeComposition } from '@xueshi/gateway/compose';
import { writeGeneratedTypes } from './codegen';

try {
  const { supergraphFile, hints } = await writeComposition();
  for (const hint of hints) console.warn(`hint: ${hint}`);
  console.log(`composed ${fileURLToPath(supergraphFile)}`);
  for (const file of await writeGeneratedTypes()) console.log(`wrote ${file}`);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
