import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks a few browser APIs the app (or react-router) reaches for; give the tests the same shape.
// (The provider tests that need real fetch objects run in node, where there is no window.)
if (typeof window !== 'undefined') {
  Object.assign(globalThis, { TextEncoder, TextDecoder });

  if (!window.matchMedia) {
    window.matchMedia = (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    });
  }

  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;

  // react-router's data router wraps each navigation in a fetch Request (jsdom has none); it only
  // reads the address, the method and the abort signal of it.
  if (typeof globalThis.Request === 'undefined') {
    class NavigationRequest {
      readonly url: string;
      readonly method: string;
      readonly signal: AbortSignal;
      readonly headers: Headers | undefined;
      constructor(input: string | URL, init: { method?: string; signal?: AbortSignal } = {}) {
        this.url = String(input);
        this.method = init.method ?? 'GET';
        this.signal = init.signal ?? new AbortController().signal;
        this.headers = undefined;
      }
    }
    Object.assign(globalThis, { Request: NavigationRequest });
  }
}
