// Avatars that leak nothing: no <img> unless safeUrl() accepts the URL (the API answers null outside the
// organisation's allowed image hosts), no referrer, lazy; a photo that fails to load leaves the initials.
import { html } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import type { AdvLeaderboard } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-leaderboard.js';
import { FakeApi, type FakeRequest } from '../helpers/fake-api.js';
import { assetUrl } from '../helpers/fixtures/assets.js';
import { entry, leaderboard } from '../helpers/fixtures/leaderboard.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A loopback URL safeUrl() accepts, that answers 404: the image fails to load. */
const missing = () => new URL('/stories/assets/avatars/nobody-here.png', location.origin).href;

async function board(items: ReturnType<typeof entry>[], byPeriod?: (request: FakeRequest) => ReturnType<typeof entry>[]) {
  const api = new FakeApi({ 'GET /v1/leaderboard': (request) => ({ body: leaderboard({ period: (request.query.get('period') ?? 'month') as 'month', items: byPeriod?.(request) ?? items }) }) });
  const mounted = await mountWidget<AdvLeaderboard>(api.client(), html`<adv-leaderboard></adv-leaderboard>`);
  await mounted.next('adv-load');
  await settled(mounted.widget);
  return mounted;
}

const avatars = (shadow: ShadowRoot) => [...shadow.querySelectorAll<HTMLElement>('tbody [part~="avatar"]')];
/** Whether the initials are what one sees: no image, or one hidden. */
const showsInitials = (avatar: HTMLElement) => {
  const img = avatar.querySelector('img');
  return !img || getComputedStyle(img).display === 'none';
};

describe('avatars in <adv-leaderboard>', () => {
  afterEach(unmountAll);

  it('creates no <img> when avatarUrl is null or refused by safeUrl(), and shows the initials', async () => {
    const refused = [null, 'http://tracker.example/pixel.png', 'javascript:alert(1)', 'data:image/png;base64,AAAA', '//cdn.example.test/a.png', 'https://user:pw@cdn.example.test/a.png'];
    const { widget, shadow } = await board(refused.map((avatarUrl, index) => entry(index + 1, `Zoé Ünal ${index}`, { avatarUrl })));
    const shown = avatars(shadow);
    expect(shown).to.have.length(refused.length);
    for (const avatar of shown) {
      expect(avatar.querySelector('img'), 'no image').to.equal(null);
      expect(text(avatar)).to.match(/^Z\d$/);
      expect(avatar.getAttribute('aria-hidden')).to.equal('true');
    }
    await expect(widget).to.be.accessible();
  });

  it('loads an accepted photo lazily, without a referrer, as decoration', async () => {
    const { shadow } = await board([entry(1, 'Amina Diallo', { avatarUrl: assetUrl('avatars/1.svg') })]);
    const img = avatars(shadow)[0]!.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(assetUrl('avatars/1.svg'));
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img.referrerPolicy).to.equal('no-referrer');
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('alt')).to.equal('');
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'the photo did not load');
    expect(showsInitials(avatars(shadow)[0]!)).to.equal(false);
  });

  it('falls back to the initials when the photo fails to load', async () => {
    const { widget, shadow } = await board([entry(1, 'Amina Diallo', { avatarUrl: missing() })]);
    const avatar = avatars(shadow)[0]!;
    await waitUntil(() => showsInitials(avatar), 'the broken photo is still shown');
    expect(text(avatar)).to.equal('AD');
    expect(avatar.getBoundingClientRect().width).to.be.above(0);
    await expect(widget).to.be.accessible();
  });

  it('gives a row a fresh <img> when its photo changes, not one hidden by an earlier failure', async () => {
    const mounted = await board([], (request) =>
      request.query.get('period') === 'week'
        ? [entry(1, 'Priya Shah', { avatarUrl: assetUrl('avatars/2.svg') })]
        : [entry(1, 'Amina Diallo', { avatarUrl: missing() })],
    );
    const first = avatars(mounted.shadow)[0]!;
    await waitUntil(() => showsInitials(first), 'the broken photo is still shown');
    mounted.shadow.querySelector<HTMLButtonElement>('[data-period="week"]')!.click();
    await mounted.next('adv-load');
    await settled(mounted.widget);
    const img = avatars(mounted.shadow)[0]!.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(assetUrl('avatars/2.svg'));
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'the photo did not load');
    expect(img.hidden, 'the new photo is shown').to.equal(false);
    expect(text(avatars(mounted.shadow)[0])).to.equal('PS');
  });
});
