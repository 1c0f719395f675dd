import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--adv-testimonials-gap, var(--_space-4));
    --_photo: var(--adv-testimonials-photo-size, 3rem);
  }
  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--adv-testimonials-min-width, 18rem)), 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .list.one {
    grid-template-columns: 1fr;
  }
  .card {
    display: flex;
    flex-direction: column;
    justify-content: space-between;
    gap: var(--_space-4);
    block-size: 100%;
    margin: 0;
    padding: var(--_space-6);
    border: var(--_border-width) solid color-mix(in srgb, var(--_border) 40%, transparent);
    border-radius: var(--_radius-large);
    background: var(--_surface-raised);
    box-shadow: var(--_shadow);
  }
  blockquote {
    margin: 0;
    font-size: 1.0625em;
    white-space: pre-line;
  }
  blockquote::before {
    content: '\\201C' / '';
    display: block;
    block-size: 0.5em;
    color: var(--adv-testimonials-accent, var(--_brand));
    font: 700 3em/1 Georgia, serif;
  }
  figcaption {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
  }
  .photo {
    position: relative;
    overflow: hidden;
    display: grid;
    place-items: center;
    flex: none;
    inline-size: var(--_photo);
    block-size: var(--_photo);
    aspect-ratio: 1;
    border-radius: 50%;
    background: var(--_brand-subtle);
    color: var(--_text);
    font-weight: var(--_strong);
  }
  /* Over the initials, which show through while it loads or when it fails. */
  .photo img {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .who {
    display: grid;
    font-size: var(--_small);
  }
  .name {
    font-size: var(--adv-font-size, 1rem);
    font-weight: var(--_strong);
  }
  .carousel {
    display: flex;
    flex-direction: column;
    gap: var(--_space-3);
  }
  .controls {
    order: 1;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
  }
  .icon {
    padding: var(--_space-2);
    min-inline-size: 2.75rem;
    min-block-size: 2.75rem;
    border-radius: 50%;
  }
  .next .chevron,
  [dir='rtl'] .chevron {
    transform: scaleX(-1);
  }
  [dir='rtl'] .next .chevron {
    transform: none;
  }
  /* A horizontally scrolling track: a swipe moves it, each slide snaps into place; the buttons and keys scroll it too. */
  .slides {
    position: relative;
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 100%;
    gap: var(--_space-4);
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    scrollbar-width: none;
  }
  .slides::-webkit-scrollbar {
    display: none;
  }
  .slides:focus-visible {
    outline: var(--_focus-ring, 2px solid currentColor);
    outline-offset: 2px;
  }
  .slide {
    scroll-snap-align: start;
    scroll-snap-stop: always;
  }
  /* Scripting off (a server-rendered page read without JavaScript): the buttons cannot work, the track still scrolls. */
  @media (scripting: none) {
    .controls {
      display: none;
    }
  }
`;
