import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // Same path as under the test runner's root, so fixtures point at one URL for both.
  staticDirs: [{ from: '../stories/assets', to: '/stories/assets' }],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      resolve: {
        ...viteConfig.resolve,
        // Stories import the packages' TypeScript sources, like the tests: no build needed first.
        conditions: ['source', ...defaultClientConditions],
      },
      define: {
        ...viteConfig.define,
        // nanostores reads process.env.NODE_ENV, which browsers do not have.
        'process.env.NODE_ENV': JSON.stringify(process.env['NODE_ENV'] === 'production' ? 'production' : 'development'),
      },
    };
  },
};

export default config;
