// <adv-testimonials layout="carousel">: the WAI-ARIA APG carousel, driven with real key presses.
import { html } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import '@advocacy/widgets/define/adv-testimonials.js';
import type { AdvTestimonials } from '@advocacy/widgets';
import { FakeApi } from '../helpers/fake-api.js';
import { publicTestimonial, testimonialsPage } from '../helpers/fixtures/testimonials.js';
import { inFirefox, itExceptInFirefox } from './helpers/engine.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

async function mountCarousel(template: ReturnType<typeof html>, count = 3) {
  const api = new FakeApi({ 'GET /v1/testimonials': { body: testimonialsPage(count) } });
  const mounted = await mountWidget<AdvTestimonials>(api.client(), template);
  await mounted.next('adv-load');
  await settled(mounted.widget);
  const { shadow, widget } = mounted;
  const slides = () => [...shadow.querySelectorAll<HTMLElement>('[aria-roledescription="slide"]')];
  /** The slides assistive technology reaches (the others are inert, and scrolled out of the track's view). */
  const shown = () => slides().filter((slide) => !slide.inert);
  const focused = () => shadow.activeElement;
  const part = (name: string) => shadow.querySelector<HTMLButtonElement>(`[part~="${name}"]`)!;
  const live = () => shadow.querySelector<HTMLElement>('[aria-live]')!;
  return { ...mounted, widget, slides, shown, focused, part, live };
}

const NO_MOTION_EMULATION = 'puppeteer drives Firefox over WebDriver BiDi, which cannot emulate prefers-reduced-motion';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Moves focus to the start of the page, so Tab enters the widget from outside. */
function focusStart(): void {
  (document.activeElement as HTMLElement | null)?.blur();
}

describe('<adv-testimonials layout="carousel">', () => {
  afterEach(async () => {
    unmountAll();
    if (!inFirefox) await emulateMedia({ reducedMotion: 'no-preference' });
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('follows the APG structure: a named carousel of "n of m" slides, one shown, a polite live region', async () => {
    const { shadow, widget, slides, shown, live } = await mountCarousel(html`<adv-testimonials layout="carousel"></adv-testimonials>`);
    const carousel = shadow.querySelector('section')!;
    expect(carousel.getAttribute('aria-roledescription')).to.equal('carousel');
    expect(carousel.getAttribute('aria-label')).to.equal('Employee testimonials');
    expect(slides().map((slide) => [slide.getAttribute('role'), slide.getAttribute('aria-label')])).to.deep.equal([
      ['group', '1 of 3'],
      ['group', '2 of 3'],
      ['group', '3 of 3'],
    ]);
    expect(shown()).to.deep.equal([slides()[0]]);
    expect(live().getAttribute('aria-live')).to.equal('polite');
    expect(live().contains(slides()[0]!)).to.equal(true);
    expect(shadow.querySelector('[part~="rotation"]'), 'no rotation button without autoplay').to.equal(null);
    await expect(widget).to.be.accessible();
  });

  it('walks through with the keyboard: Tab to Next, Enter shows slide 2 in the live region, Previous goes back', async () => {
    const { shown, slides, focused, part, live } = await mountCarousel(html`<adv-testimonials layout="carousel"></adv-testimonials>`);
    focusStart();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(part('previous'));
    expect(part('previous').textContent!.trim()).to.equal('Previous testimonial');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(part('next'));
    expect(part('next').textContent!.trim()).to.equal('Next testimonial');

    await sendKeys({ press: 'Enter' });
    expect(shown()).to.deep.equal([slides()[1]]);
    expect(shown()[0]!.getAttribute('aria-label')).to.equal('2 of 3');
    expect(live().getAttribute('aria-live')).to.equal('polite');
    expect(live().contains(shown()[0]!)).to.equal(true);
    expect(shown()[0]!.querySelector('blockquote')!.textContent).to.equal(publicTestimonial(1).quote);
    expect(focused(), 'focus stays on Next').to.equal(part('next'));

    await sendKeys({ press: ' ' });
    expect(shown()[0]!.getAttribute('aria-label')).to.equal('3 of 3');
    await sendKeys({ press: 'Enter' });
    expect(shown()[0]!.getAttribute('aria-label'), 'wraps to the first').to.equal('1 of 3');

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal(part('previous'));
    await sendKeys({ press: 'Enter' });
    expect(shown()[0]!.getAttribute('aria-label'), 'wraps to the last').to.equal('3 of 3');
  });

  it('moves with ArrowRight / ArrowLeft while focus is on the controls', async () => {
    const { shown, focused, part } = await mountCarousel(html`<adv-testimonials layout="carousel"></adv-testimonials>`);
    focusStart();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' });
    expect(shown()[0]!.getAttribute('aria-label')).to.equal('2 of 3');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(shown()[0]!.getAttribute('aria-label')).to.equal('3 of 3');
    expect(focused()).to.equal(part('previous'));
  });

  it('mirrors in right-to-left languages: the arrows point the reading way and ArrowLeft goes forward', async () => {
    const { shadow, shown, part } = await mountCarousel(html`<adv-testimonials layout="carousel" locale="ar"></adv-testimonials>`);
    expect(shadow.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    const previous = part('previous').getBoundingClientRect();
    const next = part('next').getBoundingClientRect();
    expect(next.left, 'Next sits to the left of Previous').to.be.lessThan(previous.left);
    const mirrored = (button: HTMLElement) => getComputedStyle(button.querySelector('svg')!).transform !== 'none';
    expect(mirrored(part('previous')), 'Previous points right').to.equal(true);
    expect(mirrored(part('next')), 'Next points left').to.equal(false);
    focusStart();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(shown()[0]).to.equal(shadow.querySelectorAll('[aria-roledescription="slide"]')[1]);
  });

  it('labels slides in French', async () => {
    const { slides, part } = await mountCarousel(html`<adv-testimonials layout="carousel" locale="fr"></adv-testimonials>`);
    expect(slides()[1]!.getAttribute('aria-label')).to.equal('2 sur 3');
    expect(part('next').textContent!.trim()).to.equal('Témoignage suivant');
  });

  it('starts again from the first slide when a filter changes', async () => {
    const { shown, part, widget, next } = await mountCarousel(html`<adv-testimonials layout="carousel"></adv-testimonials>`);
    part('next').click();
    await settled(widget);
    expect(shown()[0]!.getAttribute('aria-label')).to.equal('2 of 3');
    widget.team = 'Design';
    await next('adv-load');
    await settled(widget);
    expect(shown()[0]!.getAttribute('aria-label')).to.equal('1 of 3');
  });

  it('shows a single testimonial without carousel controls', async () => {
    const { shadow } = await mountCarousel(html`<adv-testimonials layout="carousel"></adv-testimonials>`, 1);
    expect(shadow.querySelector('section')).to.equal(null);
    expect(shadow.querySelectorAll('figure')).to.have.length(1);
  });

  it('does not rotate without autoplay', async () => {
    const { shown, widget } = await mountCarousel(html`<adv-testimonials layout="carousel" interval="100"></adv-testimonials>`);
    await pause(400);
    expect(shown()[0]!.getAttribute('aria-label')).to.equal('1 of 3');
    expect(widget.rotating).to.equal(false);
  });

  describe('with autoplay', () => {
    it('rotates with the live region off, pauses while focus is inside, and the pause button comes first', async () => {
      const { shown, live, focused, part, widget } = await mountCarousel(html`<adv-testimonials layout="carousel" autoplay interval="150"></adv-testimonials>`);
      expect(live().getAttribute('aria-live')).to.equal('off');
      await waitUntil(() => shown()[0]!.getAttribute('aria-label') === '2 of 3', 'it did not rotate');

      focusStart();
      await sendKeys({ press: 'Tab' });
      expect(focused(), 'the rotation button is first in the tab order').to.equal(part('rotation'));
      await settled(widget);
      expect(widget.rotating).to.equal(false);
      expect(live().getAttribute('aria-live')).to.equal('polite');
      const during = shown()[0]!.getAttribute('aria-label');
      await pause(500);
      expect(shown()[0]!.getAttribute('aria-label'), 'no rotation while focused').to.equal(during);

      expect(part('rotation').textContent!.trim()).to.equal('Pause the slide show');
      await sendKeys({ press: 'Enter' });
      expect(part('rotation').textContent!.trim()).to.equal('Play the slide show');
      part('rotation').blur();
      await settled(widget);
      await pause(500);
      expect(shown()[0]!.getAttribute('aria-label'), 'stays paused after focus leaves').to.equal(during);

      part('rotation').focus();
      await sendKeys({ press: ' ' });
      part('rotation').blur();
      await waitUntil(() => shown()[0]!.getAttribute('aria-label') !== during, 'it did not resume');
    });

    it('pauses while the pointer is over it', async () => {
      const { shown, widget, shadow } = await mountCarousel(html`<adv-testimonials layout="carousel" autoplay interval="150"></adv-testimonials>`);
      const box = shadow.querySelector('section')!.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
      await waitUntil(() => !widget.rotating, 'hover did not pause');
      const during = shown()[0]!.getAttribute('aria-label');
      await pause(500);
      expect(shown()[0]!.getAttribute('aria-label')).to.equal(during);
      await sendMouse({ type: 'move', position: [0, 0] });
      await waitUntil(() => widget.rotating, 'leaving did not resume');
    });

    itExceptInFirefox('never rotates, and offers no play button, under prefers-reduced-motion', NO_MOTION_EMULATION, async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const { shown, live, shadow, widget } = await mountCarousel(html`<adv-testimonials layout="carousel" autoplay interval="100"></adv-testimonials>`);
      expect(widget.rotating).to.equal(false);
      expect(live().getAttribute('aria-live')).to.equal('polite');
      expect(shadow.querySelector('[part~="rotation"]')).to.equal(null);
      await pause(400);
      expect(shown()[0]!.getAttribute('aria-label')).to.equal('1 of 3');
    });

    it('is accessible while rotating', async () => {
      const { widget } = await mountCarousel(html`<adv-testimonials layout="carousel" autoplay></adv-testimonials>`);
      await expect(widget).to.be.accessible();
    });
  });

  describe('swipe', () => {
    const track = (shadow: ShadowRoot) => shadow.querySelector<HTMLElement>('[part~="slides"]')!;
    const counter = (shadow: ShadowRoot) => shadow.querySelector('[part~="controls"] .muted')!.textContent!.replace(/\s/g, '');

    it('a swipe (the track scrolled to a slide) makes it current: counter, live region and buttons follow', async () => {
      const { shadow, widget, shown, part } = await mountCarousel(html`<adv-testimonials layout="carousel"></adv-testimonials>`);
      const scroller = track(shadow);
      expect(getComputedStyle(scroller).scrollSnapType).to.contain('x');
      expect(getComputedStyle(scroller).overflowX).to.equal('auto');
      const slides = [...scroller.children] as HTMLElement[];
      scroller.scrollTo({ left: slides[2]!.offsetLeft - slides[0]!.offsetLeft, behavior: 'instant' });
      await waitUntil(() => counter(shadow) === '3/3', 'the counter did not follow the swipe');
      expect(shown().map((slide) => slide.getAttribute('aria-label'))).to.deep.equal(['3 of 3']);
      await expect(widget).to.be.accessible();
      part('previous').click();
      await waitUntil(() => Math.abs(scroller.scrollLeft - (slides[1]!.offsetLeft - slides[0]!.offsetLeft)) <= 1, 'the track did not follow the button');
      expect(counter(shadow)).to.equal('2/3');
    });

    itExceptInFirefox('the buttons and arrow keys scroll the track, at once under reduced motion', NO_MOTION_EMULATION, async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const { shadow, part } = await mountCarousel(html`<adv-testimonials layout="carousel"></adv-testimonials>`);
      const scroller = track(shadow);
      const slides = [...scroller.children] as HTMLElement[];
      part('next').click();
      await settled(scroller.getRootNode() instanceof ShadowRoot ? (scroller.getRootNode() as ShadowRoot).host as HTMLElement : scroller);
      expect(Math.abs(scroller.scrollLeft - (slides[1]!.offsetLeft - slides[0]!.offsetLeft))).to.be.at.most(1);
      scroller.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => counter(shadow) === '3/3');
      await waitUntil(() => Math.abs(scroller.scrollLeft - (slides[2]!.offsetLeft - slides[0]!.offsetLeft)) <= 1, 'the track did not follow the key');
    });
  });
});
