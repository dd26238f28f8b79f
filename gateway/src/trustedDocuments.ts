import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import type { RequestHandler } from 'express';

/**
 * The operations the frontends ship, by the SHA-256 of their printed text. In production an anonymous or
 * learner's request runs only these; staff and analysts may also send their own (ADR 0014).
 */
export type TrustedDocuments = ReadonlyMap<string, string>;

/** The committed manifest (`pnpm trusted-documents` writes it). */
export const TRUSTED_DOCUMENTS_FILE = new URL('../trusted-documents.json', import.meta.url);

/** Where the frontends' operations come from: the shared contract, then what the frontends add. */
export const TRUSTED_DOCUMENT_SOURCES = [
  new URL('../../tests/contract/operations.graphql', import.meta.url),
  new URL('../operations/learner.graphql', import.meta.url),
  new URL('../operations/staff.graphql', import.meta.url),
];

/** The id a document is known by: the SHA-256 of its canonical printed form. */
export function documentHash(document: DocumentNode): string {
  return createHash('sha256').update(print(document)).digest('hex');
}

/** Each operation of a source file as a document of its own, with the fragments it uses. */
export function operationDocuments(source: string): DocumentNode[] {
  const document = parse(source, { noLocation: true });
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const spreadsOf = (node: OperationDefinitionNode | FragmentDefinitionNode) => {
    const names: string[] = [];
    visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
    return names;
  };
  return document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const used = new Set<string>();
      const pending = spreadsOf(operation);
      for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
        const fragment = fragments.get(name);
        if (used.has(name) || !fragment) continue;
        used.add(name);
        pending.push(...spreadsOf(fragment));
      }
      return {
        kind: Kind.DOCUMENT,
        definitions: [operation, ...[...used].sort().flatMap((name) => fragments.get(name) ?? [])],
      };
    });
}

/** The manifest of every operation in `sources`: hash to printed text, sorted by hash. */
export function trustedDocumentManifest(sources: readonly string[]): Record<string, string> {
  const entries = sources.flatMap(operationDocuments).map((document) => [documentHash(document), print(document)] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** Reads a manifest, checking that every text hashes to its id. */
export function readTrustedDocuments(file: URL | string = TRUSTED_DOCUMENTS_FILE): TrustedDocuments {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  for (const [hash, text] of Object.entries(manifest)) {
    if (documentHash(parse(text)) !== hash) throw new Error(`trusted document ${hash} does not match its text`);
  }
  return new Map(Object.entries(manifest));
}

export function isTrusted(documents: TrustedDocuments, document: DocumentNode): boolean {
  return documents.has(documentHash(document));
}

const DOCUMENT_ID = /^sha256:([0-9a-f]{64})$/;

/**
 * Lets a client send `{"documentId": "sha256:<hash>"}` instead of the text of a trusted document (also
 * in a batch); an id the manifest does not hold is answered 400 PERSISTED_QUERY_NOT_FOUND. Runs after the
 * JSON body parser.
 */
export function trustedDocumentIds(documents: TrustedDocuments): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    const requests: unknown[] = Array.isArray(body) ? body : [body];
    for (const request of requests) {
      if (typeof request !== 'object' || request === null || !('documentId' in request)) continue;
      const { documentId } = request;
      const hash = typeof documentId === 'string' ? DOCUMENT_ID.exec(documentId)?.[1] : undefined;
      const text = hash === undefined ? undefined : documents.get(hash);
      if (text === undefined || ('query' in request && request.query !== undefined)) {
        const zh = '未知的文档编号，或同时给出了文档编号和查询文本';
        const en = 'Unknown documentId, or a documentId sent together with a query';
        res
          .status(400)
          .json({ errors: [{ message: `${zh} (${en})`, extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', zh, en } }] });
        return;
      }
      Object.assign(request, { query: text });
    }
    next();
  };
}
