import type { Logger } from '@xueshi/subgraph-kit';
import type { SmsProvider } from './provider';

/** A sent message, as the sandbox keeps it. */
export interface SandboxMessage {
  mobile: string;
  text: string;
}

/** The sandbox: sends nothing anywhere, keeps the messages in memory so the demo and tests can read them. */
export interface SandboxSms extends SmsProvider {
  readonly sent: readonly SandboxMessage[];
}

/** Keeps the latest messages only, so a long-running demo does not grow without bound. */
const KEPT = 1000;

/** With a logger (the embedded demo), each message is also logged, so a person trying the demo can read the code. */
export function createSandboxSms(logger?: Logger): SandboxSms {
  const sent: SandboxMessage[] = [];
  return {
    name: 'sandbox',
    sent,
    send: async (message) => {
      sent.push({ ...message });
      logger?.warn({ mobile: message.mobile }, `sandbox SMS, not sent: ${message.text}`);
      if (sent.length > KEPT) sent.shift();
    },
  };
}
