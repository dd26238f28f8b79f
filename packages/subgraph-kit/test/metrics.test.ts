import { describe, expect, it } from 'vitest';
import { MAX_OPERATION_LABELS, createMetrics, operationLabel, outcomeLabel } from '../src/metrics';

describe('metric labels', () => {
  it('keep operation names but no long numbers, and name an unnamed operation', () => {
    expect(operationLabel('Catalogue')).toBe('Catalogue');
    expect(operationLabel('Find13912345678x310115198503121234')).toBe('Find#x#');
    expect(operationLabel('Q2021')).toBe('Q2021');
    expect(operationLabel(null)).toBe('anonymous');
    expect(operationLabel('A'.repeat(100))).toHaveLength(64);
  });

  it('keep typed error codes only', () => {
    expect(outcomeLabel('SESSION_FULL')).toBe('SESSION_FULL');
    expect(outcomeLabel('not a code')).toBe('ERROR');
    expect(outcomeLabel(undefined)).toBe('ERROR');
  });

  it(`count at most ${MAX_OPERATION_LABELS} operation names, the rest as other`, async () => {
    const metrics = createMetrics('test');
    const requestDidStart = metrics.plugin.requestDidStart;
    if (!requestDidStart) throw new Error('the plugin has no requestDidStart');
    for (let index = 0; index <= MAX_OPERATION_LABELS; index += 1) {
      const listener = await requestDidStart({} as never);
      await listener?.willSendResponse?.({
        operationName: `Operation${String.fromCharCode(65 + (index % 26))}${index}`,
      } as never);
    }
    const text = await metrics.registry.metrics();
    expect(text).toContain('graphql_requests_total{operation="other",outcome="ok",service="test"} 1');
    expect(text.match(/graphql_requests_total\{/g)).toHaveLength(MAX_OPERATION_LABELS + 1);
  });
});
