/** The committed supergraph the gateway serves, composed by `pnpm compose`. */
export const SUPERGRAPH_FILE = new URL('../supergraph.graphql', import.meta.url);
