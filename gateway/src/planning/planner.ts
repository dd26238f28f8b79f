import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { QueryPlan } from '@apollo/query-planner';
import type { Logger } from '@xueshi/subgraph-kit';
import type { PlannerSettings, PlanningAnswer, PlanningRequest } from './protocol';

export interface PlanningLimits {
  /** The longest one operation may take to plan; the worker is stopped and replaced after that. */
  budgetMs: number;
  /** Operations that may wait for the worker; more are turned away as busy. */
  maxWaiting: number;
  /** The longest an operation may wait for the worker before it is turned away as busy. */
  maxWaitMs: number;
  /** The worker's heap: planning that needs more is stopped like planning that takes too long. */
  heapMb: number;
}

/**
 * The budget of a trusted document (an operation the frontends ship): ours, known to plan in well under
 * a second, so never refused for a slow machine; the bound only stops a worker that is stuck.
 */
const TRUSTED_BUDGET_MS = 30_000;

export const DEFAULT_PLANNING_LIMITS: PlanningLimits = { budgetMs: 1_000, maxWaiting: 32, maxWaitMs: 5_000, heapMb: 512 };

/** Why an operation got no plan: too costly to plan, the worker too busy, or not plannable at all. */
export class PlanningRefusal extends Error {
  constructor(
    readonly reason: 'budget' | 'busy' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'PlanningRefusal';
  }
}

interface Job {
  id: number;
  document: string;
  operationName: string | null;
  budgetMs: number;
  /** Turns the job away as busy if the worker has not started it in time; trusted documents wait. */
  waitTimer: NodeJS.Timeout | undefined;
  resolve(plan: QueryPlan): void;
  reject(error: Error): void;
}

/** How long to wait before starting a worker again after one failed before it was ready. */
const RESTART_DELAY_MS = 1_000;

/**
 * The worker runs TypeScript like the rest of the gateway: a small script registers tsx's loader in
 * the new thread, then imports worker.ts.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then(({ register }) => {
  register();
  return import(workerData.workerModule);
});
`;

function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: string | { default: string } }>;
  };
  const entry = manifest.exports['./esm/api']?.import;
  const file = typeof entry === 'string' ? entry : entry?.default;
  if (!file) throw new Error('tsx has no ./esm/api export');
  return pathToFileURL(join(dirname(manifestPath), file)).href;
}

/**
 * Plans operations in one worker thread, one at a time, each within a budget. Planning that outruns
 * the budget (or the worker's heap) costs that operation a refusal and the worker a restart; the
 * gateway's own event loop never plans.
 */
export class PlanningWorker {
  readonly #settings: PlannerSettings;
  readonly #limits: PlanningLimits;
  readonly #logger: Logger;
  readonly #waiting: Job[] = [];
  #worker: Worker | undefined;
  #ready = false;
  #supergraphSdl: string | undefined;
  #current: { job: Job; timer: NodeJS.Timeout } | undefined;
  #nextId = 1;
  #restartTimer: NodeJS.Timeout | undefined;
  #closed = false;
  readonly #firstReady: Promise<void>;
  #markReady: () => void = () => undefined;

  constructor(settings: PlannerSettings, limits: PlanningLimits, logger: Logger) {
    this.#settings = settings;
    this.#limits = limits;
    this.#logger = logger;
    this.#firstReady = new Promise((resolve) => {
      this.#markReady = resolve;
    });
  }

  /** Settles once the worker has first read a supergraph; rejects after `timeoutMs`. */
  async whenReady(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the query planning worker was not ready within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.#firstReady, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Plans against this supergraph from now on; starts the worker on first use. */
  setSupergraph(supergraphSdl: string): void {
    this.#supergraphSdl = supergraphSdl;
    if (!this.#worker) this.#start();
    else this.#send({ kind: 'supergraph', supergraphSdl });
  }

  /**
   * The plan of `document`'s operation; rejects with a PlanningRefusal when it gets none. A trusted
   * document is neither refused as too costly nor turned away as busy.
   */
  plan(document: string, operationName: string | null, trusted = false): Promise<QueryPlan> {
    if (this.#closed) return Promise.reject(new PlanningRefusal('busy', 'the planner is closed'));
    if (!trusted && this.#waiting.length >= this.#limits.maxWaiting) {
      return Promise.reject(new PlanningRefusal('busy', `${this.#waiting.length} operations already wait to be planned`));
    }
    return new Promise((resolve, reject) => {
      const job: Job = {
        id: this.#nextId++,
        document,
        operationName,
        budgetMs: trusted ? TRUSTED_BUDGET_MS : this.#limits.budgetMs,
        waitTimer: trusted
          ? undefined
          : setTimeout(() => {
              const index = this.#waiting.indexOf(job);
              if (index < 0) return;
              this.#waiting.splice(index, 1);
              reject(new PlanningRefusal('busy', `waited more than ${this.#limits.maxWaitMs} ms to be planned`));
            }, this.#limits.maxWaitMs),
        resolve,
        reject,
      };
      this.#waiting.push(job);
      this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#restartTimer);
    const refusal = new PlanningRefusal('busy', 'the planner is closed');
    for (const job of this.#waiting.splice(0)) {
      clearTimeout(job.waitTimer);
      job.reject(refusal);
    }
    this.#finishCurrent()?.reject(refusal);
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #start(): void {
    if (this.#closed || this.#supergraphSdl === undefined) return;
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      // The gateway's own flags (a test runner's, an inspector's) are not the planner's business.
      execArgv: [],
      workerData: {
        tsxApi: tsxApiUrl(),
        workerModule: new URL('./worker.ts', import.meta.url).href,
        settings: this.#settings,
      },
      resourceLimits: { maxOldGenerationSizeMb: this.#limits.heapMb },
    });
    this.#worker = worker;
    this.#ready = false;
    worker.on('message', (answer: PlanningAnswer) => {
      if (worker === this.#worker) this.#receive(answer);
    });
    worker.on('error', (error) => {
      if (worker === this.#worker) this.#logger.error({ err: error }, 'query planning worker failed');
    });
    worker.on('exit', (exitCode) => {
      if (worker !== this.#worker) return;
      const wasReady = this.#ready;
      this.#worker = undefined;
      this.#ready = false;
      this.#finishCurrent()?.reject(new PlanningRefusal('budget', 'planning needed more memory than the planner has'));
      this.#logger.warn({ exitCode }, 'query planning worker stopped; starting another');
      if (wasReady) this.#start();
      else this.#restartTimer = setTimeout(() => this.#start(), RESTART_DELAY_MS);
    });
    worker.postMessage({ kind: 'supergraph', supergraphSdl: this.#supergraphSdl } satisfies PlanningRequest);
  }

  #send(request: PlanningRequest): void {
    this.#worker?.postMessage(request);
  }

  #receive(answer: PlanningAnswer): void {
    switch (answer.kind) {
      case 'ready':
        this.#ready = true;
        this.#markReady();
        this.#pump();
        return;
      case 'broken':
        this.#logger.error({ message: answer.message }, 'query planning worker could not read the supergraph');
        return;
      case 'planned':
      case 'failed': {
        const job = this.#current?.job;
        if (!job || job.id !== answer.id) return;
        this.#finishCurrent();
        if (answer.kind === 'planned') job.resolve(answer.plan);
        else job.reject(new PlanningRefusal('invalid', answer.message));
        this.#pump();
      }
    }
  }

  #finishCurrent(): Job | undefined {
    const current = this.#current;
    if (!current) return undefined;
    clearTimeout(current.timer);
    this.#current = undefined;
    return current.job;
  }

  #pump(): void {
    if (this.#current || !this.#ready || !this.#worker) return;
    const job = this.#waiting.shift();
    if (!job) return;
    clearTimeout(job.waitTimer);
    const worker = this.#worker;
    const timer = setTimeout(() => {
      if (this.#current?.job !== job) return;
      this.#finishCurrent();
      job.reject(new PlanningRefusal('budget', `planning took more than ${job.budgetMs} ms`));
      // Stopping the thread is the only way to stop a plan half made; a fresh one takes the queue.
      this.#worker = undefined;
      this.#ready = false;
      void worker.terminate();
      this.#start();
    }, job.budgetMs);
    this.#current = { job, timer };
    this.#send({ kind: 'plan', id: job.id, document: job.document, operationName: job.operationName });
  }
}
