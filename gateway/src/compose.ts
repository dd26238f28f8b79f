import { readFile, writeFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { INSTITUTIONS } from '@xueshi/institutions';
import type { Institution } from '@xueshi/institutions';
import { institutionGeneratedSdl, registryGeneratedSdl } from '@xueshi/institutions/sdl';
import { subgraphsOf } from '@xueshi/institutions/topology';
import { parse } from 'graphql';

export { SUPERGRAPH_FILE } from './paths';

/** What composition needs of an institution's entry in the list. */
export type ComposedInstitution = Pick<Institution, 'typePrefix' | 'name' | 'defaultPort'> & { code: string };

/**
 * A tree to compose: a folder laid out as the repository is (`subgraphs/<name>/src/schema.graphql`,
 * `gateway/`) and the list of institutions it holds.
 */
export interface CompositionTree {
  root: URL;
  institutions: readonly ComposedInstitution[];
}

/** This repository and its list of institutions: what `pnpm compose` composes. */
export const REPOSITORY: CompositionTree = { root: new URL('../../', import.meta.url), institutions: INSTITUTIONS };

const sdlFile = (tree: CompositionTree, subgraph: string, file: 'schema.graphql' | 'generated.graphql') =>
  new URL(`subgraphs/${subgraph}/src/${file}`, tree.root);

const supergraphFile = (tree: CompositionTree) => new URL('gateway/supergraph.graphql', tree.root);

/** Every generated SDL file with the content it should have now, from packages/institutions. */
export async function generatedSdlFiles(tree: CompositionTree = REPOSITORY): Promise<{ file: URL; content: string }[]> {
  const registrySchema = await readFile(sdlFile(tree, 'registry', 'schema.graphql'), 'utf8');
  return [
    { file: sdlFile(tree, 'registry', 'generated.graphql'), content: registryGeneratedSdl(registrySchema, tree.institutions) },
    ...tree.institutions.map((entry) => ({
      file: sdlFile(tree, entry.code, 'generated.graphql'),
      content: institutionGeneratedSdl(entry),
    })),
  ];
}

/** Thrown when the subgraphs do not compose; carries every composition error. */
export class CompositionError extends Error {
  constructor(readonly errors: readonly Error[]) {
    super(`Composition failed:\n${errors.map((error) => `  - ${error.message}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Each subgraph as composition sees it: name, default URL, and its schema.graphql plus generated SDL. */
export async function subgraphDefinitions(generated?: { file: URL; content: string }[], tree: CompositionTree = REPOSITORY) {
  const generatedFiles = generated ?? (await generatedSdlFiles(tree));
  return Promise.all(
    subgraphsOf(tree.institutions).map(async ({ name, defaultPort }) => {
      const own = await readFile(sdlFile(tree, name, 'schema.graphql'), 'utf8');
      const generatedFile = generatedFiles.find((entry) => entry.file.href === sdlFile(tree, name, 'generated.graphql').href);
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
  tree: CompositionTree = REPOSITORY,
): Promise<{ supergraphSdl: string; hints: string[] }> {
  const result = composeServices(await subgraphDefinitions(generated, tree));
  if (result.errors) throw new CompositionError(result.errors);
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.toString()) };
}

/**
 * What `pnpm compose` does: writes every subgraph's generated.graphql and, when they compose,
 * gateway/supergraph.graphql. Throws CompositionError (after writing the generated SDL) when they do not.
 */
export async function writeComposition(tree: CompositionTree = REPOSITORY): Promise<{ supergraphFile: URL; hints: string[] }> {
  const generated = await generatedSdlFiles(tree);
  for (const { file, content } of generated) await writeFile(file, content);
  const { supergraphSdl, hints } = await composeSupergraph(generated, tree);
  const file = supergraphFile(tree);
  await writeFile(file, `${supergraphSdl}\n`);
  return { supergraphFile: file, hints };
}
