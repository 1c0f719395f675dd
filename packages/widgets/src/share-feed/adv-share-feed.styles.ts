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
