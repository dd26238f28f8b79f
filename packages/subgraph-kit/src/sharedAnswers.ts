import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, getNamedType, isCompositeType, isObjectType, isInterfaceType } from 'graphql';
import type {
  ConstDirectiveNode,
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

/**
 * The SDL directive a subgraph marks its caller-independent facts with (ADR 0054). On a type it covers
 * every field of the type; on a field it overrides its type's (`seconds: 0` for a field whose answer
 * depends on who asks). Composition leaves it out of the supergraph: it is the subgraph's own word.
 */
export const SHARED_FOR_DIRECTIVE = 'sharedFor';

function secondsOf(directives: readonly ConstDirectiveNode[] | undefined): number | undefined {
  const directive = directives?.find((entry) => entry.name.value === SHARED_FOR_DIRECTIVE);
  const argument = directive?.arguments?.find((entry) => entry.name.value === 'seconds');
  return argument?.value.kind === Kind.INT ? Number(argument.value.value) : undefined;
}

function typeSeconds(type: GraphQLCompositeType): number | undefined {
  return isObjectType(type) || isInterfaceType(type) ? secondsOf(type.astNode?.directives) : undefined;
}

/**
 * How many seconds the answer to `operation` may be given to anyone who sends the same request: the
 * least `@sharedFor` of every field it selects (a field's own, else that of the type it is selected on),
 * and 0 when any field has none, for mutations and for introspection. Entities (`_entities`) count only
 * the fields asked of them. Decided from the document alone, so once per document, never per field
 * resolved (ADR 0039).
 */
export function sharedSecondsOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): number {
  if (operation.operation !== 'query') return 0;
  const queryType = schema.getQueryType();
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((definition) => [definition.name.value, definition]),
  );
  let least = Number.POSITIVE_INFINITY;
  const walk = (parent: GraphQLCompositeType, selectionSet: SelectionSetNode): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        if (parent === queryType && name === '_entities') {
          if (!selection.selectionSet || !walk(parent, selection.selectionSet)) return false;
          continue;
        }
        if (!isObjectType(parent) && !isInterfaceType(parent)) return false;
        const field = parent.getFields()[name];
        if (!field) return false;
        const seconds = secondsOf(field.astNode?.directives) ?? typeSeconds(parent);
        if (seconds === undefined || seconds <= 0) return false;
        least = Math.min(least, seconds);
        const returned = getNamedType(field.type);
        if (selection.selectionSet && (!isCompositeType(returned) || !walk(returned, selection.selectionSet))) return false;
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) return false;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      if (!condition || !isCompositeType(condition) || !walk(condition, fragment.selectionSet)) return false;
    }
    return true;
  };
  if (!queryType || !walk(queryType, operation.selectionSet)) return 0;
  return Number.isFinite(least) ? least : 0;
}

/**
 * Says so in `cache-control: public, max-age=N` when an answer is complete (data, no errors) and every
 * field it selects is shared for at least N seconds, so a gateway may give it to anyone who sends the
 * same request within N seconds (ADR 0054). Each document's verdict is kept with the parsed document,
 * which Apollo Server keeps for the same query text.
 */
export function sharedAnswersPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  const verdicts = new WeakMap<OperationDefinitionNode, number>();
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ response, document, operation, schema }) => {
        if (!document || !operation || operation.operation !== 'query') return;
        if (response.body.kind !== 'single' || (response.http.status ?? 200) !== 200) return;
        const result = response.body.singleResult;
        if (result.errors?.length || !result.data) return;
        let seconds = verdicts.get(operation);
        if (seconds === undefined) {
          seconds = sharedSecondsOf(schema, document, operation);
          verdicts.set(operation, seconds);
        }
        if (seconds > 0) response.http.headers.set('cache-control', `public, max-age=${seconds}`);
      },
    }),
  };
}
