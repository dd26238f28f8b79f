import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateTypes } from '../../scripts/codegen';

describe('the generated resolver and operation types', () => {
  it('are current with the SDL and operations they come from (pnpm codegen, also run by pnpm compose)', async () => {
    const generated = await generateTypes();
    expect(generated.size).toBeGreaterThan(0);
    for (const [file, content] of generated) {
      expect(await readFile(file, 'utf8').catch(() => ''), `${file} is stale: run pnpm codegen`).toBe(content);
    }
  });
});
