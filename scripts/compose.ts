// Regenerates every subgraph's generated.graphql and composes gateway/supergraph.graphql from them.
import { fileURLToPath } from 'node:url';
import { CompositionError, writeComposition } from '@xueshi/gateway/compose';

try {
  const { supergraphFile, hints } = await writeComposition();
  for (const hint of hints) console.warn(`hint: ${hint}`);
  console.log(`composed ${fileURLToPath(supergraphFile)}`);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
