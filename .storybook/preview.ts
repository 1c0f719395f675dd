import type { Preview } from '@storybook/web-components-vite';
import '@advocacy/widgets/define/adv-provider.js';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
