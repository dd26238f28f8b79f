import { readFileSync } from 'node:fs';
import { Kind, parse, print } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';

/**
 * The operations frontends rely on, verbatim from shared/contract/operations.graphql (copied into the
 * repository so a clean clone can test them).
 */
export const CONTRACT_DOCUMENT = parse(readFileSync(new URL('../contract/operations.graphql', import.meta.url), 'utf8'));

/** One contract operation's text, by name; throws for a name the contract does not have. */
export function contractOperation(name: string): string {
  const operation = CONTRACT_DOCUMENT.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  if (!operation) throw new Error(`The contract has no operation ${name}`);
  return print(operation);
}
