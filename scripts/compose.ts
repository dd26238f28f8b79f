// Regenerates every subgraph's generated.graphql and composes gateway/supergraph.graphql from them.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CompositionError, SUPERGRAPH_FILE, composeSupergraph, generatedSdlFiles } from '@xueshi/gateway/compose';

const generated = await generatedSdlFiles();
for (const { file, content } of generated) await writeFile(file, content);
try {
  const { supergraphSdl, hints } = await composeSupergraph(generated);
  await writeFile(SUPERGRAPH_FILE, `${supergraphSdl}\n`);
  for (const hint of hints) console.warn(`hint: ${hint}`);
  console.log(`composed ${fileURLToPath(SUPERGRAPH_FILE)}`);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
