import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tells a widget whether its own box is narrower than `widthRem`, so its
 * layout follows the slot a page gives it (a sidebar on a wide screen), not
 * the viewport. A ResizeObserver rather than a container query: size
 * containment would give the widget no width of its own inside a flex row or
 * an inline-block.
 */
export class NarrowController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #widthRem: number;
  #observer: ResizeObserver | undefined;
  #frame = 0;
  narrow = false;

  constructor(host: ReactiveControllerHost & Element, widthRem: number) {
    this.#host = host;
    this.#widthRem = widthRem;
    host.addController(this);
  }

  hostConnected(): void {
    // Measured now, so the first render already fits (a phone never sees the wide layout first).
    this.narrow = this.#isNarrow(this.#host.getBoundingClientRect().width);
    this.#observer = new ResizeObserver(([entry]) => {
      const narrow = this.#isNarrow(entry?.borderBoxSize[0]?.inlineSize ?? this.#host.getBoundingClientRect().width);
      cancelAnimationFrame(this.#frame);
      if (narrow === this.narrow) return;
      // Not at once: a render inside this callback changes the host's height in the same frame, which the browser
      // reports as an error ("ResizeObserver loop completed with undelivered notifications").
      this.#frame = requestAnimationFrame(() => {
        this.narrow = narrow;
        this.#host.requestUpdate();
      });
    });
    this.#observer.observe(this.#host);
  }

  #isNarrow(width: number): boolean {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    return width < this.#widthRem * rem;
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}
