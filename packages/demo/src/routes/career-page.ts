import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod/mini';
import { routes } from '@advocacy/sdk/contract';
import type { renderTestimonials as RenderTestimonials, TestimonialsPage } from '@advocacy/widgets/ssr';
import { escapeHtml, listPublicTestimonials, type ServerContext } from '@advocacy/server';
import { languageLinks, type Lang } from '../page-languages.js';
import { DEMO_ORGANISATION } from '../seed/demo-data.js';
import { newNonce, strictCsp } from '../strict-csp.js';

const STRINGS = {
  en: {
    title: `Careers at ${DEMO_ORGANISATION.name} — Advocacy Kit demo`,
    description: `What people at ${DEMO_ORGANISATION.name} say about their work: stories from every team and office.`,
    skip: 'Skip to the testimonials',
    careers: 'Careers',
    language: 'Language',
    heading: `Life at ${DEMO_ORGANISATION.name}, in our people’s words`,
    intro: 'No slogans: what colleagues from every team and office tell candidates about their work. Every story is published with its author’s consent, and they can withdraw it at any time.',
    filters: 'Filter the stories',
    team: 'Team',
    allTeams: 'All teams',
    location: 'Office',
    allLocations: 'All offices',
    apply: 'Show stories',
    reset: 'Show all',
    /** `{count}` is filled in by the server, and by careers.js after a filter changes. */
    showing: { one: '{count} story', other: '{count} stories' },
    grid: 'Stories from our teams',
    carousel: 'One story at a time',
    footer: 'Demo data of a fictional company. This page is rendered on the server and works without JavaScript.',
    intranet: 'Demo intranet',
    start: 'Start page',
  },
  fr: {
    title: `Carrières chez ${DEMO_ORGANISATION.name} — démo Advocacy Kit`,
    description: `Ce que les collaborateurs de ${DEMO_ORGANISATION.name} disent de leur travail : des témoignages de toutes les équipes et de tous les bureaux.`,
    skip: 'Aller aux témoignages',
    careers: 'Carrières',
    language: 'Langue',
    heading: `La vie chez ${DEMO_ORGANISATION.name}, racontée par nos équipes`,
    intro: 'Pas de slogans : ce que des collègues de toutes les équipes et de tous les bureaux racontent aux candidats. Chaque témoignage est publié avec l’accord de son auteur, qui peut le retirer à tout moment.',
    filters: 'Filtrer les témoignages',
    team: 'Équipe',
    allTeams: 'Toutes les équipes',
    location: 'Bureau',
    allLocations: 'Tous les bureaux',
    apply: 'Afficher',
    reset: 'Tout afficher',
    showing: { one: '{count} témoignage', other: '{count} témoignages' },
    grid: 'Témoignages de nos équipes',
    carousel: 'Un témoignage à la fois',
    footer: 'Données de démonstration d’une entreprise fictive. Cette page est rendue par le serveur et fonctionne sans JavaScript.',
    intranet: 'Intranet de démonstration',
    start: 'Page d’accueil',
  },
} as const;

/** The page's query: language and the two filters, each checked like the API checks its own. */
const PageQuerySchema = z.object({
  lang: z.optional(z.string()),
  team: z.optional(z.string()),
  location: z.optional(z.string()),
});

export interface CareerPageQuery {
  lang: Lang;
  team: string | undefined;
  location: string | undefined;
}

/** `?lang=fr&team=Sales&location=Lyon`; an unknown language is English, a filter the API would refuse is no filter. */
export function parseCareerQuery(query: unknown): CareerPageQuery {
  const parsed = PageQuerySchema.safeParse(query ?? {});
  const raw = parsed.success ? parsed.data : {};
  const filter = (value: string | undefined, key: 'team' | 'location'): string | undefined => {
    if (!value?.trim()) return undefined;
    return routes.listTestimonials.query.safeParse({ [key]: value.trim() }).success ? value.trim() : undefined;
  };
  return { lang: raw.lang === 'fr' ? 'fr' : 'en', team: filter(raw.team, 'team'), location: filter(raw.location, 'location') };
}

/**
 * The career page's Content Security Policy: the demo pages' strict policy,
 * plus the hash of the one `<style>` element the server-rendered widgets carry
 * in their declarative shadow roots, and the page's own GET form.
 */
export function careerPageCsp(nonce: string, widgetStyleHash: string): string {
  return strictCsp(nonce, { extraStyleSources: [widgetStyleHash], formAction: "'self'" });
}

export interface CareerPageData {
  query: CareerPageQuery;
  nonce: string;
  apiUrl: string;
  publishableKey: string;
  /** Approved testimonials for the filters. */
  page: TestimonialsPage;
  /** Every team and office that has an approved testimonial, for the filters. */
  teams: string[];
  locations: string[];
}

const e = escapeHtml;

/** "3 stories", "1 témoignage", "0 témoignage": the language's plural rules. */
function showing(lang: Lang, count: number): string {
  const form = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
  return STRINGS[lang].showing[form].replace('{count}', new Intl.NumberFormat(lang).format(count));
}

/** The query string of a link to this page (only what is set). */
function pageHref(query: CareerPageQuery, change: Partial<CareerPageQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.lang !== 'en') params.set('lang', next.lang);
  if (next.team) params.set('team', next.team);
  if (next.location) params.set('location', next.location);
  const search = params.toString();
  return `/demo/careers${search ? `?${search}` : ''}`;
}

function select(name: 'team' | 'location', label: string, all: string, values: string[], chosen: string | undefined): string {
  const options = [`<option value="">${e(all)}</option>`, ...values.map((value) => `<option${value === chosen ? ' selected' : ''}>${e(value)}</option>`)];
  return `<div class="careers-field"><label for="filter-${name}">${e(label)}</label><select id="filter-${name}" name="${name}" data-filter="${name}">${options.join('')}</select></div>`;
}

/** The whole page: no inline script or style, the testimonials rendered as HTML the widgets hydrate. */
export function renderCareerPage(renderTestimonials: typeof RenderTestimonials, data: CareerPageData): string {
  const { query, nonce } = data;
  const t = STRINGS[query.lang];
  const filters = { team: query.team, location: query.location, lang: query.lang };
  const grid = renderTestimonials({ data: data.page, layout: 'grid', ...filters, id: 'testimonials-grid' });
  const carousel = renderTestimonials({ data: data.page, layout: 'carousel', ...filters, id: 'testimonials-carousel' });
  const languages = languageLinks(query.lang, (lang) => pageHref(query, { lang }));
  return `<!doctype html>
<html lang="${query.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t.title)}</title>
<meta name="description" content="${e(t.description)}">
<link rel="icon" href="/demo/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/themes/auto.css">
<link rel="stylesheet" href="/demo/careers.css">
<script type="module" nonce="${nonce}" src="/cdn/advocacy.js"></script>
<script type="module" nonce="${nonce}" src="/demo/careers.js"></script>
</head>
<body class="careers">
<a class="careers-skip" href="#main">${e(t.skip)}</a>
<header class="careers-masthead">
  <p class="careers-brand"><span class="careers-brand-mark" aria-hidden="true">${e(DEMO_ORGANISATION.name.charAt(0))}</span> ${e(DEMO_ORGANISATION.name)} <span class="careers-brand-section">${e(t.careers)}</span></p>
  <nav class="careers-languages" aria-label="${e(t.language)}"><ul>${languages}</ul></nav>
</header>
<main id="main" tabindex="-1">
  <div class="careers-intro">
    <h1>${e(t.heading)}</h1>
    <p>${e(t.intro)}</p>
  </div>
  <form class="careers-filters" method="get" action="/demo/careers" role="search" aria-labelledby="filters-heading">
    <h2 id="filters-heading" class="careers-filters-heading">${e(t.filters)}</h2>
    ${query.lang === 'en' ? '' : `<input type="hidden" name="lang" value="${query.lang}">`}
    ${select('team', t.team, t.allTeams, data.teams, query.team)}
    ${select('location', t.location, t.allLocations, data.locations, query.location)}
    <div class="careers-actions">
      <button type="submit">${e(t.apply)}</button>
      ${query.team || query.location ? `<a href="${e(pageHref(query, { team: undefined, location: undefined }))}">${e(t.reset)}</a>` : ''}
    </div>
    <p class="careers-count" id="careers-count" role="status" data-one="${e(t.showing.one)}" data-other="${e(t.showing.other)}">${e(showing(query.lang, data.page.items.length))}</p>
  </form>
  <adv-provider api-url="${e(data.apiUrl)}" publishable-key="${e(data.publishableKey)}">
    <section class="careers-section" aria-labelledby="grid-heading">
      <h2 id="grid-heading">${e(t.grid)}</h2>
      ${grid}
    </section>
    <section class="careers-section" aria-labelledby="carousel-heading">
      <h2 id="carousel-heading">${e(t.carousel)}</h2>
      ${carousel}
    </section>
  </adv-provider>
</main>
<footer class="careers-footer">
  <p>${e(t.footer)}</p>
  <ul><li><a href="/demo/intranet${query.lang === 'fr' ? '?lang=fr' : ''}">${e(t.intranet)}</a></li><li><a href="/">${e(t.start)}</a></li></ul>
</footer>
</body>
</html>
`;
}

const FILTER_SOURCE_LIMIT = 100;

/**
 * `GET /demo/careers` (demo mode only, see app.ts): the demo career site,
 * rendered on the server from the database with the same query as
 * `GET /v1/testimonials`, scoped to the demo organisation.
 */
export const careerPageRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  // Loaded here, in demo mode only: a production server neither needs the widgets installed nor Lit's DOM shim.
  const { renderTestimonials, testimonialsStyleHash } = await import('@advocacy/widgets/ssr');
  const styleHash = await testimonialsStyleHash();

  app.get('/demo/careers', async (request, reply) => {
    const query = parseCareerQuery(request.query);
    const { rows } = await ctx.db.query<{ id: string; publishable_key: string }>(
      `SELECT o.id, d.publishable_key FROM organisations o JOIN demo_settings d ON d.organisation_id = o.id WHERE o.slug = $1`,
      [DEMO_ORGANISATION.slug],
    );
    const organisation = rows[0];
    if (!organisation) {
      return reply.code(404).type('text/plain; charset=utf-8').send('There is no demo organisation in this database; start the server in demo mode (npm start).');
    }
    // The widget asks the API for the same filters with the API's default limit: the same page, so no refetch.
    const apiQuery = routes.listTestimonials.query.parse({ ...(query.team ? { team: query.team } : {}), ...(query.location ? { location: query.location } : {}) });
    const [page, everything] = await Promise.all([
      listPublicTestimonials(ctx.db, organisation.id, apiQuery),
      listPublicTestimonials(ctx.db, organisation.id, { limit: FILTER_SOURCE_LIMIT }),
    ]);
    const distinct = (values: string[]): string[] => [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b, query.lang));
    const nonce = newNonce();
    const html = renderCareerPage(renderTestimonials, {
      query,
      nonce,
      apiUrl: ctx.publicOrigin(request),
      publishableKey: organisation.publishable_key,
      page,
      teams: distinct(everything.items.map((item) => item.team)),
      locations: distinct(everything.items.map((item) => item.location)),
    });
    return (
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', careerPageCsp(nonce, styleHash))
        // A withdrawn testimonial must be gone on the next load, and a nonce is never reused.
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'same-origin')
        .send(html)
    );
  });
};
