// @advocacy/widgets/ssr in Node: <adv-testimonials> as HTML with a declarative
// shadow root, readable before any JavaScript runs, with its data as inert JSON.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { PublicTestimonial } from '@advocacy/sdk/contract';
import { createResourceStore } from '@advocacy/sdk';
import { renderTestimonials, scriptSafeJson, testimonialsStyleHash, type TestimonialsPage } from '@advocacy/widgets/ssr';
import { XSS_TEXT_PAYLOADS, XSS_URL_PAYLOADS } from '../helpers/xss-payloads.js';

const testimonial = (index: number, extra: Partial<PublicTestimonial> = {}): PublicTestimonial => ({
  id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  quote: `Quote number ${index}: I love the people here.`,
  authorName: `Author ${index}`,
  role: `Role ${index}`,
  team: 'Engineering',
  location: 'Lyon',
  locale: 'en',
  photoUrl: null,
  tags: [],
  approvedAt: '2026-01-02T03:04:05.000Z',
  ...extra,
});

const page = (...items: PublicTestimonial[]): TestimonialsPage => ({ items, nextCursor: null });

/** The text a search engine reads: tags and comments removed, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The JSON of the `<script type="application/json">` child, as a browser would read it. */
function embeddedJson(html: string): unknown {
  const scripts = [...html.matchAll(/<script type="application\/json">([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1, 'exactly one JSON script, whose content no quote could end early');
  return JSON.parse(scripts[0]![1]!);
}

describe('renderTestimonials (@advocacy/widgets/ssr)', () => {
  it('renders quotes, names and roles as text in a declarative shadow root, in the ready state', () => {
    const data = page(testimonial(1), testimonial(2, { team: 'Sales', location: 'Paris' }));
    const html = renderTestimonials({ data, layout: 'grid' });
    assert.match(html, /^<adv-testimonials[^>]*layout="grid"[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.ok(html.endsWith('</adv-testimonials>'));
    const text = visibleText(html);
    for (const item of data.items) {
      assert.ok(text.includes(item.quote), `quote ${item.id} is text`);
      assert.ok(text.includes(item.authorName));
      assert.ok(text.includes(item.role));
    }
    assert.ok(text.includes('Sales · Paris'));
    assert.match(html, /aria-busy="false"/, 'ready, not loading');
    assert.doesNotMatch(html, /part="skeleton"/);
    assert.match(html, /<!--lit-part [^>]+-->/, 'hydration markers for the client');
  });

  it('writes the filters as attributes, so the hydrated widget asks the API for the same testimonials', () => {
    const html = renderTestimonials({ data: page(testimonial(1)), layout: 'list', team: 'Engineering', location: 'Lyon', tag: 'culture', limit: 5, locale: 'en' });
    const host = /^<adv-testimonials([^>]*)>/.exec(html)![1]!;
    for (const attribute of ['layout="list"', 'team="Engineering"', 'location="Lyon"', 'tag="culture"', 'limit="5"', 'locale="en"']) {
      assert.ok(host.includes(attribute), `${attribute} in ${host}`);
    }
  });

  it('speaks French with locale fr, and with the page language (lang) when no locale filter is wanted', () => {
    const data = page(testimonial(1), testimonial(2));
    for (const options of [{ locale: 'fr' }, { lang: 'fr' }]) {
      const html = renderTestimonials({ data, layout: 'carousel', ...options });
      const text = visibleText(html);
      assert.match(html, /aria-label="Témoignages de nos collaborateurs"/, 'the carousel is named in French');
      assert.ok(text.includes('Témoignage suivant'));
      assert.match(html, /aria-label="1 sur 2"/);
      assert.match(html, /<div part="base" class="base" dir="ltr" lang="fr"/);
    }
    const english = visibleText(renderTestimonials({ data, layout: 'carousel' }));
    assert.ok(english.includes('Next testimonial'));
  });

  it('renders the empty state when nothing matches', () => {
    const html = renderTestimonials({ data: page(), lang: 'fr' });
    assert.match(html, /part="empty"/);
    assert.deepEqual(embeddedJson(html), page());
  });

  it('carries the data as JSON that reads back unchanged and that no payload can break out of', () => {
    const hostile = page(
      ...XSS_TEXT_PAYLOADS.map((payload, index) => testimonial(index + 1, { quote: `${payload} </script><script>window.__xss=1</script> <!-- `, authorName: payload, role: payload, team: payload, location: payload })),
    );
    const html = renderTestimonials({ data: hostile, layout: 'grid' });
    assert.deepEqual(embeddedJson(html), hostile);
    const json = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    assert.doesNotMatch(json, /[<>]/, 'no angle bracket at all in the script element');
    // Outside the JSON and the style element, every payload is escaped text: no element, attribute or comment it brought.
    const markup = html.replace(/<script type="application\/json">[\s\S]*?<\/script>/, '').replace(/<style>[\s\S]*?<\/style>/, '');
    assert.doesNotMatch(markup, /<(script|img|svg|iframe|details|a|b|style)[\s>]/i);
    assert.doesNotMatch(markup, /<!-- (?!lit)/);
    const text = visibleText(html);
    for (const payload of XSS_TEXT_PAYLOADS) assert.ok(text.includes(payload.replace(/\s+/g, ' ')), `${payload} shows as text`);
  });

  it('gives an unsafe photo URL no image, and a safe one an image without a referrer', () => {
    const unsafe = page(...XSS_URL_PAYLOADS.map((url, index) => testimonial(index + 1, { photoUrl: url })));
    const html = renderTestimonials({ data: unsafe, layout: 'list' });
    assert.doesNotMatch(html, /<img/, 'no payload becomes an image');
    assert.deepEqual(embeddedJson(html), unsafe, 'the data still travels as it is (the widget checks it again)');
    const safe = renderTestimonials({ data: page(testimonial(1, { photoUrl: 'https://images.example/amelie.jpg' })) });
    assert.match(safe, /<img src="https:\/\/images\.example\/amelie\.jpg" alt=""[^>]*referrerpolicy="no-referrer"/);
  });

  it('escapes <, >, & and the line separators in JSON, and JSON.parse reads them back', () => {
    const value = { quote: '</script><!-- a & b \u2028 \u2029 >' };
    const json = scriptSafeJson(value);
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), value);
  });

  it('publishes the CSP hash of the style element it writes', async () => {
    const html = renderTestimonials({ data: page(testimonial(1)) });
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    assert.equal(await testimonialsStyleHash(), `'sha256-${createHash('sha256').update(css).digest('base64')}'`);
  });
});

describe('createResourceStore with initial data', () => {
  it('starts ready without loading, and loads on refresh', async () => {
    let loads = 0;
    const $store = createResourceStore(async () => `loaded ${++loads}`, 'from the server');
    assert.deepEqual($store.value, { status: 'ready', data: 'from the server' });
    const seen: string[] = [];
    const unsubscribe = $store.subscribe((state) => seen.push(state.status));
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(loads, 0, 'the first subscriber does not load');
    assert.deepEqual(seen, ['ready']);
    await $store.refresh();
    assert.equal(loads, 1);
    assert.deepEqual($store.get(), { status: 'ready', data: 'loaded 1' });
    unsubscribe();
  });
});
