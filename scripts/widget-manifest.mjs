// What the widget reference (widget-reference.mjs) and the React wrappers
// (react-wrappers.mjs) both read from custom-elements.json.

/** `adv-share-feed` → `AdvShareFeed`. */
export const pascal = (name) => name.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join('');

/** `adv-opt-in` → `onAdvOptIn`, the @advocacy/react prop. */
export const reactProp = (event) => `on${pascal(event)}`;

/**
 * An admin widget (the programme console) extends AdvAdminElement: its class
 * comes from `@advocacy/widgets/admin` and its tag from `advocacy-admin.js`,
 * so that employee and career pages never carry it.
 * @param {{ superclass?: { name?: string } }} declaration
 */
export const isAdminWidget = (declaration) => declaration.superclass?.name === 'AdvAdminElement';

/** Where a widget's class is exported from, and which CDN bundle registers its tag. */
export const packageOf = (declaration) =>
  isAdminWidget(declaration) ? { module: '@advocacy/widgets/admin', bundle: 'advocacy-admin.js' } : { module: '@advocacy/widgets', bundle: 'advocacy.bundle.js' };
