/** Longest statement text a span carries; the shape of a longer one is cut there. */
export const MAX_STATEMENT_SHAPE = 2_000;

/**
 * A statement's shape for a trace: every literal (quoted strings, dollar-quoted bodies, numbers) as `?`,
 * parameters (`$1`) and identifiers kept, whitespace collapsed. Statements are parameterised, so values
 * are not in the text; a literal written into one is dropped here all the same.
 */
export function statementShape(text: string): string {
  const shape = text
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g, '?')
    .replace(/\b[Ee]'(?:[^'\\]|\\.|'')*'/g, '?')
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/(?<![\w$."])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w"])/g, '?')
    .replace(/\s+/g, ' ')
    .trim();
  return shape.length > MAX_STATEMENT_SHAPE ? `${shape.slice(0, MAX_STATEMENT_SHAPE)}…` : shape;
}
