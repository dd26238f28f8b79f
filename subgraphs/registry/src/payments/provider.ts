/** The outcome of a charge or refund as the provider reports it. */
export interface ProviderResult {
  status: 'SUCCEEDED' | 'FAILED' | 'PENDING';
  /** The provider's own reference, shown on receipts and used to reconcile. */
  reference: string;
  /** Why it failed, in words a learner can act on. */
  failureReason?: string;
}

/**
 * A payment provider. Both calls must be idempotent on `idempotencyKey`: the same key returns the same
 * result and moves money at most once, however often it is sent. A real provider (银联, 支付宝, 微信支付)
 * plugs in behind this; the sandbox serves the demo and the tests.
 */
export interface PaymentProvider {
  readonly name: string;
  charge(request: { idempotencyKey: string; amountFen: number; description: string }): Promise<ProviderResult>;
  refund(request: { idempotencyKey: string; chargeReference: string; amountFen: number }): Promise<ProviderResult>;
}
