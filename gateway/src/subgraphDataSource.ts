import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode, UserError } from '@xueshi/subgraph-kit';
import type { Logger } from '@xueshi/subgraph-kit';
import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from './create';

/**
 * The GraphQL errors of a subgraph's HTTP 4xx answer (a variable its scalar refused, a bad token), which
 * @apollo/gateway reports as "400: Bad Request" with the subgraph's URL and raw body; null for anything
 * else. The subgraph formatted (and masked) them itself, as it does the errors of a 200.
 */
function refusalOf(error: unknown): GraphQLFormattedError[] | null {
  if (!(error instanceof GraphQLError)) return null;
  const response: unknown = error.extensions['response'];
  if (typeof response !== 'object' || response === null || !('status' in response) || !('body' in response)) return null;
  const { status, body } = response;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return null;
  const errors = body.errors.filter(
    (entry: unknown): entry is GraphQLFormattedError =>
      typeof entry === 'object' && entry !== null && 'message' in entry && typeof entry.message === 'string',
  );
  return errors.length > 0 ? errors : null;
}

/**
 * Forwards the caller's token to every subgraph (a subgraph never trusts the gateway's word for who
 * calls); passes on a subgraph's refusal of a request as its typed errors; and turns a subgraph that
 * cannot be reached or fails wholesale into a typed UNAVAILABLE error. Neither reveals its address.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly name: string,
    url: string,
    private readonly logger: Logger,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if ('authorization' in context && context.authorization) {
      request.http?.headers.set('authorization', context.authorization);
    }
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return { errors: refusal };
      if (error instanceof GraphQLError && !('response' in error.extensions)) throw error;
      this.logger.warn({ err: error, subgraph: this.name }, 'subgraph unreachable');
      throw new UserError(
        ErrorCode.UNAVAILABLE,
        { zh: `服务 ${this.name} 暂时不可用，请稍后再试`, en: `The ${this.name} service is unavailable; please try again later` },
        { serviceName: this.name },
      );
    }
  }
}
