/**
 * What Fluent UI needs from a browser that jsdom does not have (ResizeObserver, matchMedia,
 * scrollIntoView, innerText — Fluent's live-region announcer writes its messages with it),
 * plus jest-dom's matchers. Import it first in every DOM test.
 */
import "@testing-library/jest-dom";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined") {
  if (!("ResizeObserver" in window)) {
    Object.assign(window, { ResizeObserver: NoResizeObserver });
    Object.assign(globalThis, { ResizeObserver: NoResizeObserver });
  }
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
  if (!("innerText" in HTMLElement.prototype)) {
    Object.defineProperty(HTMLElement.prototype, "innerText", {
      configurable: true,
      get(this: HTMLElement) {
        return this.textContent ?? "";
      },
      set(this: HTMLElement, text: string) {
        this.textContent = text;
      },
    });
  }
}
