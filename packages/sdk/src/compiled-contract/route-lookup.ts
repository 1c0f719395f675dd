import type { RouteName } from '../contract/routes.js';
import { AdvNetworkError } from '../errors.js';
import type { CompiledRoute } from './compiled-route.js';
import { commonRoutes } from './routes.js';

type RouteTable = Partial<Record<RouteName, CompiledRoute>>;

let adminRoutes: Promise<RouteTable> | undefined;

/**
 * The compiled route of a name. The admin routes are a module of their own,
 * imported on the first admin call (in the CDN's code-split build, a chunk
 * that employee and career pages never fetch); a failed import is tried
 * again on the next call.
 */
export function compiledRoute(name: RouteName): CompiledRoute | Promise<CompiledRoute> {
  // Synchronous for every other route: a call starts its request in the same task, as before the split.
  return (commonRoutes as RouteTable)[name] ?? adminRoute(name);
}

async function adminRoute(name: RouteName): Promise<CompiledRoute> {
  adminRoutes ??= import('./admin-routes.js').then(
    (module) => module.adminRoutes as RouteTable,
    (error: unknown) => {
      adminRoutes = undefined;
      throw new AdvNetworkError('The admin part of the client could not be loaded. Check the connection and try again.', 'unreachable', { cause: error });
    },
  );
  const route = (await adminRoutes)[name];
  if (!route) throw new Error(`No compiled route "${name}": run npm run compile-contract.`);
  return route;
}
