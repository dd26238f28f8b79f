import type { Db } from '@xueshi/subgraph-kit';

/** A transaction of the registry's database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or a transaction. */
export type Executor = Db | Tx;
