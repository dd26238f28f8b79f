/** The outcome of a charge or refund as the provider reports it. */
export interface ProviderResult {
  status: 'SUCCEEDED' | 'FAILED' | 'PENDING';
  /** The provider's own reference, shown on receipts and used to reconcile. */
  reference: string;
  /** Why it failed, in words a learner can act on. */
  failureReason?: string;
}

/**
 * The provider telling the registry how a charge or refund ended, as real providers do by webhook: it
 * may come late, twice, or before an older one.
 */
export interface ProviderNotification {
  kind: 'charge' | 'refund';
  idempotencyKey: string;
  result: ProviderResult;
}

/**
 * A payment provider. Charges and refunds must be idempotent on `idempotencyKey`: the same key returns the
 * same result and moves money at most once, however often it is sent. A real provider (银联, 支付宝,
 * 微信支付) plugs in behind this; the sandbox serves the demo and the tests.
 */
export interface PaymentProvider {
  readonly name: string;
  charge(request: { idempotencyKey: string; amountFen: number; description: string }): Promise<ProviderResult>;
  refund(request: { idempotencyKey: string; chargeReference: string; amountFen: number }): Promise<ProviderResult>;
  /**
   * Closes a charge the registry has stopped waiting for (关闭订单) and returns the provider's last word on
   * it: SUCCEEDED when the money was taken, otherwise FAILED, after which no charge under the key succeeds.
   */
  close(request: { idempotencyKey: string }): Promise<ProviderResult>;
  /** Where the provider's notifications go; one listener, set when the registry starts. */
  onNotification(listener: (notification: ProviderNotification) => Promise<void>): void;
}
