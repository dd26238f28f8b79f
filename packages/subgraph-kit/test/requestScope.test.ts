import { describe, expect, it } from 'vitest';
import { scopeOfHeaders, traceIdOf } from '../src/requestScope';

describe('request scope', () => {
  it("keeps a well-formed x-request-id and a valid traceparent's trace id", () => {
    expect(
      scopeOfHeaders({
        'x-request-id': 'portal-7f3a9c21',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      }),
    ).toEqual({ requestId: 'portal-7f3a9c21', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' });
  });

  it('makes new ids for missing, malformed or number-bearing ones', () => {
    for (const requestId of [undefined, 'short', 'with space', 'a'.repeat(129), 'mobile-13912345678', 'line\nbreak']) {
      const scope = scopeOfHeaders({ 'x-request-id': requestId });
      expect(scope.requestId).not.toBe(requestId);
      expect(scope.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(scope.traceId).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('reads only version 00 traceparents with non-zero ids', () => {
    expect(traceIdOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(traceIdOf('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeNull();
    expect(traceIdOf('00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01')).toBeNull();
    expect(traceIdOf('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBeNull();
    expect(traceIdOf('00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01')).toBeNull();
    expect(traceIdOf(undefined)).toBeNull();
  });
});
