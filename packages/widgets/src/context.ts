import { createContext } from '@lit/context';
import type { AdvClient } from '@advocacy/sdk';

/**
 * The SDK client given to widgets by `<adv-provider>` or `configure()`.
 * `Symbol.for` so two copies of the bundle on one page still talk to each other.
 */
export const clientContext = createContext<AdvClient | undefined>(Symbol.for('advocacy-kit/client'));
