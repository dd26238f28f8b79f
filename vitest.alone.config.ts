import { defineConfig } from 'vitest/config';
import main from './vitest.config.js';

/**
 * Suites that measure how quickly the gateway answers (`*.alone.ts`): run after the main suite, one file
 * at a time, so the other suites' load does not stand in for what they measure. The main suite's global
 * setup is left out: it would clear the logs the audit reads after.
 */
export default defineConfig({
  ...main,
  test: { ...main.test, include: ['tests/**/*.alone.ts'], fileParallelism: false, globalSetup: [] },
});
