import { INSTITUTIONS } from '../institutions';

interface SubgraphInfo {
  /** The subgraph's name in the supergraph and its folder under subgraphs/. */
  name: string;
  /** Its port when the whole system runs on one machine. */
  defaultPort: number;
}

/** The subgraphs of a supergraph of `institutions`: the registry, then one per institution. */
export function subgraphsOf(institutions: readonly { code: string; defaultPort: number }[]): SubgraphInfo[] {
  return [
    { name: 'registry', defaultPort: 4001 },
    ...institutions.map((entry) => ({ name: entry.code, defaultPort: entry.defaultPort })),
  ];
}

/** Every subgraph of the supergraph: the registry, then one per institution. */
export const SUBGRAPHS: readonly SubgraphInfo[] = subgraphsOf(INSTITUTIONS);

export const GATEWAY_DEFAULT_PORT = 4000;

/** The env variable that overrides a subgraph's URL at the gateway and at the registry. */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_URL_${name.toUpperCase().replace(/-/g, '_')}`;
}
