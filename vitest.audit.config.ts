import { defineConfig } from 'vitest/config';

/** The log audit: runs after the main suite, over the logs it wrote. */
export default defineConfig({
  test: {
    include: ['tests/audit/**/*.audit.ts'],
  },
});
