import { css } from 'lit';

export const styles = css`
  :host {
    --_avatar: var(--adv-leaderboard-avatar-size, 2rem);
    --_highlight: var(--adv-leaderboard-highlight, var(--_brand-subtle));
  }
  .periods {
    display: flex;
    flex-wrap: wrap;
    inline-size: fit-content;
    gap: 2px;
    margin-block-end: var(--_space-3);
    padding: 2px;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
  }
  /* A label never breaks ("Depuis le début" alone on a line): in a narrow column whole buttons wrap instead. */
  .periods button {
    flex: 1 0 auto;
    white-space: nowrap;
    min-block-size: 2.25rem;
    padding-inline: var(--_space-3);
    border: 0;
    border-radius: var(--_radius-small);
    background: none;
    cursor: pointer;
  }
  .periods button:hover {
    background: var(--_surface-raised);
  }
  .periods [aria-checked='true'] {
    background: var(--_brand);
    color: var(--_on-brand);
    font-weight: var(--_strong);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    transition: opacity var(--_duration) var(--_easing);
  }
  [aria-busy='true'] table {
    opacity: 0.6;
  }
  caption {
    padding-block-end: var(--_space-2);
    text-align: start;
    text-wrap: balance;
    font-size: var(--_large);
    font-weight: var(--_strong);
  }
  caption span {
    font-size: var(--_small);
    font-weight: normal;
  }
  th,
  td {
    padding: var(--_space-2);
    border-block-end: var(--_border-width) solid var(--_skeleton);
    text-align: start;
    vertical-align: middle;
  }
  thead th {
    color: var(--_text-muted);
    font-size: var(--_small);
    font-weight: var(--_strong);
  }
  tbody th {
    font-weight: normal;
  }
  .num,
  thead th {
    white-space: nowrap;
  }
  .num {
    padding-inline-start: var(--_space-6);
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  /* Figures take what they need; the names get the rest. */
  .num,
  .rank {
    inline-size: 1%;
    white-space: nowrap;
  }
  .medal {
    display: inline-grid;
    place-items: center;
    min-inline-size: 1.75rem;
    block-size: 1.75rem;
    border-radius: 999px;
    font-weight: var(--_strong);
  }
  .r1,
  .r2,
  .r3 {
    background: var(--_brand-subtle);
    box-shadow: inset 0 0 0 var(--_border-width) var(--_brand);
  }
  .points {
    font-weight: var(--_strong);
  }
  .who {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
  }
  .avatar {
    position: relative;
    display: grid;
    flex: none;
    place-items: center;
    inline-size: var(--_avatar);
    block-size: var(--_avatar);
    overflow: hidden;
    border-radius: 50%;
    background: var(--_surface-raised);
    box-shadow: inset 0 0 0 var(--_border-width) var(--_skeleton);
    font-size: 0.75rem;
    font-weight: var(--_strong);
  }
  .avatar img {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .nowrap {
    white-space: nowrap;
  }
  .name {
    min-inline-size: 0;
  }
  /* A name stops at two lines, a team at one, with an ellipsis (the full text stays in the cell and its title). */
  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_lines, 2);
    line-clamp: var(--_lines, 2);
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .team {
    --_lines: 1;
    font-size: var(--_small);
  }
  .note {
    display: block;
    font-size: var(--_small);
  }
  .you {
    font-weight: var(--_strong);
  }
  tr.me > * {
    background: var(--_highlight);
  }
  tr.me > :first-child {
    box-shadow: inset 4px 0 var(--_brand);
  }
  tr.me > :first-child:dir(rtl) {
    box-shadow: inset -4px 0 var(--_brand);
  }
  tfoot tr > * {
    border-block-start: 2px dashed var(--_border);
  }
  .opt {
    margin-block-start: var(--_space-4);
  }
  .invite {
    display: grid;
    justify-items: start;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border-radius: var(--_radius-large);
    background: var(--_brand-subtle);
  }
  .invite p,
  .alert {
    margin: 0;
  }
  .invite-title {
    font-size: var(--_large);
    font-weight: var(--_strong);
  }
  .quiet {
    min-block-size: 2rem;
    padding-inline: var(--_space-3);
    font-size: var(--_small);
  }
  .alert {
    margin-block-end: var(--_space-2);
    color: var(--_danger);
  }
  .narrow .extra {
    display: none;
  }
  @media (forced-colors: active) {
    .periods [aria-checked='true'] {
      outline: 2px solid Highlight;
    }
    tr.me > :first-child {
      border-inline-start: 4px solid Highlight;
    }
  }
`;
