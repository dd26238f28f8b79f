import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { SpanKind } from '@opentelemetry/api';
import { createMetrics, inSpan, operationLabel, outcomeLabel, propagationHeaders } from '@xueshi/subgraph-kit';
import type { Metrics, Tracing } from '@xueshi/subgraph-kit';
import type { GatewayContext } from './create';
import type { SharedHow } from './subgraphDataSource';

export interface GatewayMetrics extends Metrics {
  /**
   * The data source `name` with each fetch counted (by outcome: ok, the first error's code, or failed),
   * timed, traced in a span of its own, and carrying the request's `x-request-id` and a `traceparent`
   * naming that span (or, without tracing, a new span of the request's trace).
   */
  observeSubgraph(name: string, source: GraphQLDataSource<GatewayContext>): GraphQLDataSource<GatewayContext>;
  /** Counts a fetch of `subgraph` answered without asking it (the data source says how). */
  countShared(subgraph: string, how: SharedHow): void;
}

/** The gateway's metrics: its operations as every service counts them, and each fetch from a subgraph. */
export function createGatewayMetrics(tracing?: Tracing): GatewayMetrics {
  const metrics = createMetrics('gateway');
  const fetches = metrics.counter(
    'gateway_subgraph_fetches_total',
    "Fetches the gateway's plans made of subgraphs, by subgraph and outcome, shared answers included",
    ['subgraph', 'outcome'],
  );
  // Fetches less these are the requests a subgraph was really sent.
  const sharedAnswers = metrics.counter(
    'gateway_subgraph_shared_answers_total',
    'Fetches answered without asking the subgraph: joined to one in flight, or given a kept public answer',
    ['subgraph', 'how'],
  );
  const latency = metrics.histogram('gateway_subgraph_fetch_duration_seconds', 'Time a subgraph took to answer a fetch', [
    'subgraph',
  ]);
  return {
    ...metrics,
    countShared: (subgraph, how) => sharedAnswers.inc({ subgraph, how }),
    observeSubgraph: (subgraph, source) => ({
      process: (options: GraphQLDataSourceProcessOptions<GatewayContext>) =>
        inSpan(
          tracing,
          `fetch ${subgraph}`,
          {
            kind: SpanKind.CLIENT,
            attributes: { 'xueshi.subgraph': subgraph, 'graphql.operation.name': operationLabel(options.request.operationName) },
          },
          async (span) => {
            const started = performance.now();
            // The data source copies the headers already on the request into the one it sends.
            const http = (options.request.http ??= { method: 'POST', url: '', headers: new Headers() });
            for (const [name, value] of Object.entries(propagationHeaders())) http.headers.set(name, value);
            try {
              const response = await source.process(options);
              const first = response.errors?.[0];
              const outcome = first ? outcomeLabel(first.extensions?.['code']) : 'ok';
              fetches.inc({ subgraph, outcome });
              span?.setAttribute('xueshi.outcome', outcome);
              return response;
            } catch (error) {
              fetches.inc({ subgraph, outcome: 'failed' });
              throw error;
            } finally {
              latency.observe({ subgraph }, (performance.now() - started) / 1000);
            }
          },
        ),
    }),
  };
}
