import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { DocumentNode } from 'graphql';

/** Reads and parses SDL files into one document; throws on a missing file or a syntax error. */
export function loadTypeDefs(...files: URL[]): DocumentNode {
  return parse(files.map((file) => readFileSync(file, 'utf8')).join('\n'));
}
