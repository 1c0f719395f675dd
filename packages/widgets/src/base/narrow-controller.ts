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
    this.#observer = new ResizeObserver(([entry]) => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const narrow = (entry?.contentRect.width ?? 0) < this.#widthRem * rem;
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

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}
