import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { DocumentNode } from 'graphql';
import type { Resolvers } from './server';

/** Reads and parses SDL files into one document; throws on a missing file or a syntax error. */
export function loadTypeDefs(...files: URL[]): DocumentNode {
  return parse(files.map((file) => readFileSync(file, 'utf8')).join('\n'));
}

/** Merges resolver maps type by type; a later map's field wins over an earlier one's. */
export function mergeResolvers<TContext>(...maps: Resolvers<TContext>[]): Resolvers<TContext> {
  const merged: Resolvers<TContext> = {};
  for (const map of maps) {
    for (const [typeName, typeResolvers] of Object.entries(map)) {
      const existing = merged[typeName];
      merged[typeName] =
        existing && typeof existing === 'object' && !('serialize' in existing) && !('serialize' in typeResolvers)
          ? ({ ...existing, ...typeResolvers } as Resolvers<TContext>[string])
          : typeResolvers;
    }
  }
  return merged;
}
