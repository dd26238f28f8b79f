import { isInterfaceType, isObjectType, isUnionType } from 'graphql';
import type { GraphQLInterfaceType, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { badInput } from './errors';

/**
 * A representation as the gateway sends it: a type name and the entity's key fields, all short strings,
 * and the fields a resolver @requires, which may be null (a request not yet scheduled has no session).
 */
interface Representation {
  __typename: string;
  [key: string]: string | null;
}

type ReferenceResolver = (reference: Representation, context: unknown, info: GraphQLResolveInfo) => unknown;

/** Key values are ids and codes: short, printable, never control or format characters (NUL, RTL overrides, …). */
const KEY_VALUE = /^[^\p{C}]{1,200}$/u;

function isRepresentation(value: unknown): value is Representation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    typeof (value as { __typename?: unknown }).__typename === 'string' &&
    entries.length >= 2 &&
    entries.every(
      ([name, field]) => (typeof field === 'string' && KEY_VALUE.test(field)) || (field === null && name !== '__typename'),
    )
  );
}

function referenceResolverOf(type: GraphQLObjectType | GraphQLInterfaceType): ReferenceResolver | undefined {
  return (type.extensions as { apollo?: { subgraph?: { resolveReference?: ReferenceResolver } } }).apollo?.subgraph
    ?.resolveReference;
}

const withTypename = (value: unknown, typename: string): unknown => {
  if (value instanceof Promise) return value.then((resolved: unknown) => withTypename(resolved, typename));
  return value !== null && typeof value === 'object' ? { ...value, __typename: typename } : value;
};

/**
 * `Query._entities`, guarded: it resolves only the subgraph's entities (the members of `_Entity`, and
 * entity interfaces that resolve their own references) from well-formed representations, and refuses
 * anything else (another type such as a learner or a registration, an unknown type, a key that is not
 * a short printable string) with BAD_USER_INPUT instead of an untyped error. The gateway never sends
 * such representations; a caller who reaches a subgraph directly might.
 */
export function guardedEntitiesResolver(
  _root: unknown,
  args: { representations: unknown[] },
  context: unknown,
  info: GraphQLResolveInfo,
): unknown[] {
  const union = info.schema.getType('_Entity');
  const entities = new Set(isUnionType(union) ? union.getTypes().map((type) => type.name) : []);
  return args.representations.map((representation, index) => {
    const refuse = () =>
      badInput(
        {
          zh: `第 ${index + 1} 个实体引用无效`,
          en: `Representation ${index + 1} is not a reference to an entity of this service`,
        },
        'representations',
      );
    if (!isRepresentation(representation)) throw refuse();
    const type = info.schema.getType(representation.__typename);
    if (isObjectType(type) && entities.has(type.name)) {
      const resolve = referenceResolverOf(type);
      return withTypename(resolve ? resolve(representation, context, info) : representation, type.name);
    }
    // An entity interface's reference resolver answers with the concrete type's reference (or null).
    const resolve = isInterfaceType(type) ? referenceResolverOf(type) : undefined;
    if (!resolve) throw refuse();
    return resolve(representation, context, info);
  });
}
