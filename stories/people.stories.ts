import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@advocacy/widgets/define/adv-people.js';
import type { Person } from '@advocacy/sdk';
import { pending, problem, type FakeRequest, type FakeRoutes } from '../test/helpers/fake-api.js';
import { peoplePage, person, personExport } from '../test/helpers/fixtures/people.js';
import { me } from '../test/helpers/fixtures/stats.js';
import { storyFrame } from './support/story-frame.js';

/** A fixed day, so the ranges show the same days whenever the story is looked at. */
const now = () => new Date('2026-12-06T09:00:00Z');

const idOf = (request: FakeRequest): string => request.path.split('/')[4]!;

/** Everyone in the list, a leaver and an erased person among them; actions answer as the API would. */
function people(): FakeRoutes {
  const list: Person[] = [
    ...peoplePage(3).items,
    person(3, { status: 'deactivated', deactivatedAt: '2026-11-28T16:00:00.000Z', shares: 0, readers: 2 }),
    person(4, { name: '', displayName: null, email: null, team: null, optedIn: false, status: 'erased', deactivatedAt: '2026-11-02T10:00:00.000Z', erasedAt: '2026-11-02T10:00:00.000Z', shares: 0, readers: 0 }),
  ];
  const change = (request: FakeRequest, patch: Partial<Person>) => {
    const index = list.findIndex((item) => item.id === idOf(request));
    list[index] = { ...list[index]!, ...patch };
    return { body: list[index]! };
  };
  const at = '2026-12-06T09:00:00.000Z';
  return {
    'GET /v1/me': { body: me({ isAdmin: true }) },
    'GET /v1/admin/people': (request) => ({ body: { items: list, nextCursor: null, from: request.query.get('from') ?? '2026-11-07', to: request.query.get('to') ?? '2026-12-06' } }),
    'POST /v1/admin/people/:id/deactivate': (request) => change(request, { status: 'deactivated', deactivatedAt: at }),
    'POST /v1/admin/people/:id/reactivate': (request) => change(request, { status: 'active', deactivatedAt: null }),
    'POST /v1/admin/people/:id/erase': (request) =>
      change(request, { name: '', displayName: null, email: null, optedIn: false, status: 'erased', deactivatedAt: at, erasedAt: at }),
    'GET /v1/admin/people/:id/export': { body: personExport(0) },
  };
}

const widget = html`<adv-people .now=${now}></adv-people>`;

const meta: Meta = { title: 'Admin/People', component: 'adv-people' };
export default meta;

export const Ready: StoryObj = { render: () => storyFrame(people(), widget) };

export const Loading: StoryObj = { render: () => storyFrame({ ...people(), 'GET /v1/admin/people': pending }, widget) };

/** Nobody has signed in yet. */
export const Empty: StoryObj = { render: () => storyFrame({ ...people(), 'GET /v1/admin/people': { body: peoplePage(0) } }, widget) };

export const Error: StoryObj = { render: () => storyFrame({ ...people(), 'GET /v1/admin/people': problem(500, 'Internal Server Error') }, widget) };

/** A signed-in employee without the programme admin role: one clear state, no admin request. */
export const NotAdmin: StoryObj = { render: () => storyFrame({ ...people(), 'GET /v1/me': { body: me({ isAdmin: false }) } }, widget) };

export const Themed: StoryObj = { render: () => storyFrame(people(), widget, { theme: 'dark' }) };

export const French: StoryObj = { render: () => storyFrame(people(), widget, { lang: 'fr' }) };
