import type { RouteDefinition } from './route-definition.js';

// PLACEHOLDER: replaced by the leaderboard implementation.
export const leaderboardRoutes = {} as const satisfies Record<string, RouteDefinition>;
