import type { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLScalarType } from 'graphql';
import type { DocumentNode } from 'graphql';

type SchemaModule = Exclude<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], DocumentNode>;

/** A resolver map as @apollo/subgraph builds a schema from it (the package does not export its type). */
export type ResolverMap = NonNullable<SchemaModule['resolvers']>;

/**
 * Merges resolver maps type by type. A field (or scalar) that two maps both define is an error, not a
 * silent override: each is meant to be written once, and a second definition would hide the first.
 */
export function mergeResolvers<Map extends object>(...maps: Map[]): Map {
  const merged: Record<string, object> = {};
  for (const map of maps) {
    for (const [typeName, typeResolvers] of Object.entries(map) as [string, object][]) {
      const existing = merged[typeName];
      if (existing === undefined) {
        merged[typeName] = typeResolvers;
        continue;
      }
      if (existing instanceof GraphQLScalarType || typeResolvers instanceof GraphQLScalarType) {
        throw new Error(`Resolvers for ${typeName} are defined twice`);
      }
      const twice = Object.keys(typeResolvers).filter((field) => field in existing);
      if (twice.length > 0)
        throw new Error(`Resolvers for ${twice.map((field) => `${typeName}.${field}`).join(', ')} are defined twice`);
      merged[typeName] = { ...existing, ...typeResolvers };
    }
  }
  return merged as Map;
}

/**
 * The row a non-null field needs and the data guarantees (a payment's registration, by its foreign key;
 * an institution's profile, seeded with it): a missing one is a fault of the service, never the caller's.
 */
export async function referenced<Row>(row: Promise<Row | null>, field: string): Promise<Row> {
  const found = await row;
  if (found === null) throw new Error(`${field}: the row it must have is missing`);
  return found;
}
