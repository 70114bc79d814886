/**
 * The few web-platform globals that every Warrant host provides (Node 20, Chromium, Electron).
 * `src/` compiles without the DOM or Node typings so that nothing host-specific leaks in;
 * these declarations are the deliberate exceptions.
 */
declare class URL {
  constructor(input: string, base?: string);
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly href: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
}

/** WHATWG text decoding (Node 20, Chromium, Electron); used to decode snapshot bytes. */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
