// Hive Gateway serving our committed supergraph unchanged, as a second engine beside ours: the same
// subgraphs (their URLs overridable with SUBGRAPH_URL_<NAME>, as at our gateway) and the caller's
// `authorization` passed on to every subgraph, which decide who may do what.
// Run: hive-gateway supergraph gateway/supergraph.graphql -c bench/hive.config.ts [--hive-router-runtime]
import { defineConfig } from '@graphql-hive/gateway';
import { SUBGRAPHS, subgraphUrlVariable } from '@xueshi/institutions/topology';

const transportEntries = Object.fromEntries(
  SUBGRAPHS.flatMap(({ name }) => {
    const location = process.env[subgraphUrlVariable(name)];
    return location ? [[name, { location }]] : [];
  }),
);

export const gatewayConfig = defineConfig({
  transportEntries,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
  logging: process.env['LOG_LEVEL'] === 'debug' ? 'debug' : 'warn',
  graphiql: false,
  landingPage: false,
});
