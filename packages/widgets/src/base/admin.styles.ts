import { css } from 'lit';

/**
 * Rules the admin widgets share, after `AdvAdminElement.styles` and before
 * each widget's own: headings, fieldsets, choice chips and filter rows.
 */
export const adminStyles = css`
  p {
    margin: 0;
  }
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3);
  }
  .heading {
    margin: 0;
    font-size: var(--_large);
    font-weight: var(--_strong);
  }
  fieldset {
    margin: 0;
    padding: var(--_space-3);
    border: var(--_border-width) solid color-mix(in srgb, var(--_border) 40%, transparent);
    border-radius: var(--_radius);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: var(--_space-1) var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: 999px;
    font-weight: normal;
    cursor: pointer;
  }
  .chip:has(:checked) {
    border-color: var(--_brand);
    background: var(--_brand-subtle);
    font-weight: var(--_strong);
  }
  .chip input {
    accent-color: var(--_brand);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3);
  }
  .filters .field {
    flex: 1 1 10rem;
  }
`;
