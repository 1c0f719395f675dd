// Server rendering of <adv-testimonials> (Node only): the career page's HTML
// carries the testimonials as text in a declarative shadow root, so people and
// search engines read them before any JavaScript runs; the data travels beside
// them as inert JSON, and the widget hydrates from it without a request.
import { Element as ElementShim, ShadowRoot as ShadowRootShim } from '@lit-labs/ssr-dom-shim';
import { render } from '@lit-labs/ssr';
import { html } from 'lit';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { ifDefined } from 'lit/directives/if-defined.js';

// The widgets look for the nearest `lang` with `instanceof Element` and `ShadowRoot`: give Node the DOM shim's
// classes (the ones Lit's Node build already extends) and nothing more, so no server code mistakes Node for a
// browser (no `document`, no `window`).
const globals = globalThis as { Element?: unknown; ShadowRoot?: unknown };
globals.Element ??= ElementShim;
globals.ShadowRoot ??= ShadowRootShim;

import '../define/adv-testimonials.js';
import { AdvTestimonials, type TestimonialsPage } from '../testimonials/adv-testimonials.js';
import { registerTranslation } from '../base/localize.js';
import { fr } from '../translations/fr.js';

// A server render is synchronous: the French catalog, which browsers load on demand, is in from the start.
registerTranslation('fr', fr);

export type { TestimonialsPage };

export interface TestimonialsRenderOptions {
  /** What `GET /v1/testimonials` answers for these filters (the server reads it from its own database). */
  data: TestimonialsPage;
  layout?: 'grid' | 'list' | 'carousel';
  team?: string;
  location?: string;
  /** The widget's language (as the attribute is in the browser); without `contentLocale`, its primary subtag also filters the testimonials. */
  locale?: string;
  /**
   * The testimonials' language, apart from the widget's (`content-locale`; `*` for every language). By default the
   * primary subtag of `locale`, else of `lang`: `data` should be what the API answers for that filter, so the
   * widget hydrates without a request.
   */
  contentLocale?: string;
  tag?: string;
  limit?: number;
  /**
   * The page's language, for the widget's own words when `locale` is not set
   * (on the server the widget cannot see the page's `<html lang>`); written as
   * the element's `lang` attribute.
   */
  lang?: string;
  /** `id` of the element, for the page's labels and scripts. */
  id?: string;
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<` (so no
 * `</script>` or `<!--` in a quote can end or change the element), `>` and
 * `&` as `\u` escapes, and the two line separators JavaScript once rejected.
 * `JSON.parse` reads it back unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The CSS the renderer writes in each shadow root's `<style>` element. */
function styleText(): string {
  void AdvTestimonials.observedAttributes; // finalizes the class, which computes elementStyles
  return AdvTestimonials.elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('');
}

/**
 * The CSP source that allows the `<style>` element inside the rendered
 * shadow root: `style-src 'self' 'sha256-…'`. It depends only on the
 * widget's CSS, so a server computes it once. Without it a strict page still
 * shows the text, unstyled until the widget hydrates and adopts its styles.
 * (Web Crypto, so this module needs no Node types.)
 */
export async function testimonialsStyleHash(): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(styleText())));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

/**
 * `<adv-testimonials>` rendered to HTML with a declarative shadow root
 * (`<template shadowrootmode="open">`), in the ready state for `data`, with
 * the data as a `<script type="application/json">` child for hydration.
 * Every string from the data is escaped text; photo URLs go through the
 * widget's `safeUrl()`.
 */
export function renderTestimonials(options: TestimonialsRenderOptions): string {
  const limit = options.limit === undefined ? undefined : String(options.limit);
  // `.initialData` renders the ready state on the server (a server-only template cannot bind properties).
  const element = collectResultSync(
    render(
      html`<adv-testimonials id=${ifDefined(options.id)} layout=${options.layout ?? 'grid'} team=${ifDefined(options.team || undefined)} location=${ifDefined(options.location || undefined)} locale=${ifDefined(options.locale || undefined)} content-locale=${ifDefined(options.contentLocale || undefined)} tag=${ifDefined(options.tag || undefined)} limit=${ifDefined(limit)} lang=${ifDefined(options.locale ? undefined : options.lang)} .initialData=${options.data}></adv-testimonials>`,
    ),
  );
  // The page around the element is not a Lit template: drop the markers of the one-element template above
  // (the widget's own shadow root keeps its markers, which hydration needs).
  const start = element.indexOf('<adv-testimonials');
  const close = element.lastIndexOf('</adv-testimonials>');
  if (start < 0 || close < 0) throw new Error('@lit-labs/ssr did not render <adv-testimonials>.');
  const json = `<script type="application/json">${scriptSafeJson(options.data)}</script>`;
  // Unset attributes leave their spaces behind in the opening tag: rebuild it from its attributes (values
  // are quoted and escaped by the renderer, so they hold no quote or angle bracket).
  const openEnd = element.indexOf('>', start) + 1;
  const attributes = element.slice(start + '<adv-testimonials'.length, openEnd - 1).match(/[^\s=]+(?:="[^"]*")?/g) ?? [];
  const opening = `<adv-testimonials${attributes.map((attribute) => ` ${attribute}`).join('')}>`;
  return `${opening}${element.slice(openEnd, close)}${json}</adv-testimonials>`;
}
