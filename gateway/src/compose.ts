import { readFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { institution } from '@xueshi/institutions';
import { institutionGeneratedSdl, registryGeneratedSdl } from '@xueshi/institutions/sdl';
import { SUBGRAPHS } from '@xueshi/institutions/topology';
import { parse } from 'graphql';

const ROOT = new URL('../../', import.meta.url);

export { SUPERGRAPH_FILE } from './paths';

const sdlFile = (subgraph: string, file: 'schema.graphql' | 'generated.graphql') =>
  new URL(`subgraphs/${subgraph}/src/${file}`, ROOT);

/** Every generated SDL file with the content it should have now, from packages/institutions. */
export async function generatedSdlFiles(): Promise<{ file: URL; content: string }[]> {
  return Promise.all(
    SUBGRAPHS.map(async ({ name }) => ({
      file: sdlFile(name, 'generated.graphql'),
      content:
        name === 'registry'
          ? registryGeneratedSdl(await readFile(sdlFile(name, 'schema.graphql'), 'utf8'))
          : institutionGeneratedSdl(institution(name)),
    })),
  );
}

/** Thrown when the subgraphs do not compose; carries every composition error. */
export class CompositionError extends Error {
  constructor(readonly errors: readonly Error[]) {
    super(`Composition failed:\n${errors.map((error) => `  - ${error.message}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Each subgraph as composition sees it: name, default URL, and its schema.graphql plus generated SDL. */
export async function subgraphDefinitions(generated?: { file: URL; content: string }[]) {
  const generatedFiles = generated ?? (await generatedSdlFiles());
  return Promise.all(
    SUBGRAPHS.map(async ({ name, defaultPort }) => {
      const own = await readFile(sdlFile(name, 'schema.graphql'), 'utf8');
      const generatedFile = generatedFiles.find((entry) => entry.file.href === sdlFile(name, 'generated.graphql').href);
      return {
        name,
        url: `http://127.0.0.1:${defaultPort}/graphql`,
        typeDefs: parse(`${own}\n${generatedFile?.content ?? ''}`),
      };
    }),
  );
}

/**
 * Composes the supergraph from each subgraph's schema.graphql and the generated SDL given (by default,
 * what generatedSdlFiles says it should be). Throws CompositionError when the subgraphs do not compose.
 */
export async function composeSupergraph(
  generated?: { file: URL; content: string }[],
): Promise<{ supergraphSdl: string; hints: string[] }> {
  const result = composeServices(await subgraphDefinitions(generated));
  if (result.errors) throw new CompositionError(result.errors);
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.toString()) };
}
