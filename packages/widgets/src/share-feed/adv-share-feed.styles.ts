import { css } from 'lit';

export const styles = css`
  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--adv-share-feed-column, 22rem)), 1fr));
    align-items: start;
    gap: var(--adv-share-feed-gap, var(--_space-6));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .others,
  .others-list {
    margin-block-start: var(--_space-6);
  }
  /* A skip link's way: out of sight until focused, then at the feed's start. */
  .skip {
    margin-block-end: var(--_space-4);
  }
  .skip:not(:focus) {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .more {
    display: flex;
    margin: var(--_space-6) auto 0;
  }
  .empty {
    justify-items: center;
    padding-block: var(--_space-6);
    border: var(--_border-width) dashed var(--_border);
    color: var(--_text-muted);
    text-align: center;
  }
  .error {
    margin-block: var(--_space-4) 0;
  }
`;
