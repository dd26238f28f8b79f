import type { PaymentProvider } from './provider';

/**
 * The provider, but the process dies (SIGKILL: no handler, no cleanup) as soon as a charge is answered,
 * before the registry can record it: the crash reconciliation exists for, injected by the test suite
 * (TEST_CRASH_AFTER_CHARGE, refused outside NODE_ENV=test).
 */
export function crashingAfterCharge(provider: PaymentProvider): PaymentProvider {
  return {
    name: provider.name,
    charge: async (request) => {
      await provider.charge(request);
      process.kill(process.pid, 'SIGKILL');
      throw new Error('the registry was killed after the charge');
    },
    refund: (request) => provider.refund(request),
    close: (request) => provider.close(request),
    // The sandbox notifies before it answers; a real provider's webhook would find this registry dead.
    onNotification: () => provider.onNotification(async () => undefined),
  };
}
