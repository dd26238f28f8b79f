/**
 * An SMS provider: sends one text to one mainland mobile. A real gateway (运营商短信平台) plugs in behind
 * this; the sandbox serves the demo and the tests.
 */
export interface SmsProvider {
  readonly name: string;
  send(message: { mobile: string; text: string }): Promise<void>;
}
