import type { RequestHandler } from 'express';

/** Enough for a page that asks for a few things at once; more is a client looping, or an attack. */
export const DEFAULT_MAX_BATCH_OPERATIONS = 10;

/**
 * Refuses, with HTTP 400 and a JSON error, a batched request (a JSON array of operations) longer than
 * `maxOperations`, before any of its operations is parsed. Runs after the JSON body parser.
 */
export function batchLimit(maxOperations: number): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    if (!Array.isArray(body) || body.length <= maxOperations) {
      next();
      return;
    }
    const zh = `一次最多提交 ${maxOperations} 个操作，本次提交了 ${body.length} 个`;
    const en = `A batch may hold at most ${maxOperations} operations; this one holds ${body.length}`;
    res.status(400).json({
      errors: [{ message: `${zh} (${en})`, extensions: { code: 'BAD_REQUEST', zh, en, maxOperations } }],
    });
  };
}
