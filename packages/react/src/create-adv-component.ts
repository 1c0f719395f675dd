import React from 'react';
import { createComponent, type EventName, type Options, type ReactWebComponent } from '@lit/react';

type EventNames = Record<string, EventName | string>;
type Handler = (event: Event) => void;

/**
 * `createComponent` from @lit/react, plus clean-up on unmount: @lit/react adds
 * each `on…` handler as a listener on the element and leaves it there when
 * the component unmounts, so an event the detached element sends later (a
 * share that completes after the user navigated away) would still call the
 * app's handler and keep its closure alive. Here the element gets one stable
 * forwarder per event, which calls the current handler while the component
 * is mounted and nothing afterwards.
 */
export function createAdvComponent<I extends HTMLElement, E extends EventNames>(options: Options<I, E> & { events: E }): ReactWebComponent<I, E> {
  const Inner = createComponent(options) as unknown as React.ForwardRefExoticComponent<Record<string, unknown> & React.RefAttributes<I>>;
  const eventProps = Object.keys(options.events);

  const Outer = React.forwardRef<I, Record<string, unknown>>(function AdvComponent(props, ref) {
    const handlers = React.useRef<Record<string, unknown> | null>(props);
    const [forwarders] = React.useState(
      () => new Map(eventProps.map((name): [string, Handler] => [name, (event) => (handlers.current?.[name] as Handler | undefined)?.(event)])),
    );
    React.useLayoutEffect(() => {
      handlers.current = props;
    });
    React.useLayoutEffect(() => {
      handlers.current = props;
      return () => {
        handlers.current = null;
      };
      // Mount and unmount only (twice under StrictMode); the effect above follows every render.
    }, []);
    const forwarded: Record<string, unknown> = { ...props, ref };
    for (const name of eventProps) forwarded[name] = typeof props[name] === 'function' ? forwarders.get(name) : undefined;
    return React.createElement(Inner, forwarded);
  });
  Outer.displayName = options.displayName ?? Inner.displayName ?? options.elementClass.name;
  return Outer as unknown as ReactWebComponent<I, E>;
}
