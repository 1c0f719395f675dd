import { NETWORK_AUDIENCE_CAPS, NETWORKS, type DeclaredAudience, type Network } from '@advocacy/sdk/contract';

/**
 * A stored audience as the API shows and counts it: known networks only,
 * whole numbers from 0, each at most its network's cap. A figure stored
 * before the caps existed (or edited by hand) counts as the cap, never a 500.
 */
export function boundedAudience(stored: unknown): DeclaredAudience {
  const audience: DeclaredAudience = {};
  if (typeof stored !== 'object' || stored === null) return audience;
  const values = stored as Record<string, unknown>;
  for (const network of NETWORKS) {
    const value = values[network];
    if (typeof value !== 'number' || Number.isNaN(value)) continue;
    audience[network] = Math.min(Math.max(Math.floor(value), 0), NETWORK_AUDIENCE_CAPS[network]);
  }
  return audience;
}

/**
 * What makes a declared audience a jump to review: a rise of at least
 * `minRise` to more than `factor` times the previous figure, or a first
 * declaration (nothing before) of `firstDeclaration` or more. An honest
 * update (1,200 → 1,500, or a first 800) passes; 200 → 30,000 is listed.
 */
export const AUDIENCE_JUMP = { factor: 3, minRise: 1_000, firstDeclaration: 5_000 } as const;

export interface AudienceJump {
  network: Network;
  /** 0 when nothing was declared before. */
  from: number;
  to: number;
}

/** The jumps from `before` (bounded) to the figures an update sets. */
export function audienceJumps(before: DeclaredAudience, update: DeclaredAudience): AudienceJump[] {
  const jumps: AudienceJump[] = [];
  for (const network of NETWORKS) {
    const to = update[network];
    if (to === undefined) continue;
    const from = before[network];
    const jumped = from === undefined ? to >= AUDIENCE_JUMP.firstDeclaration : to - from >= AUDIENCE_JUMP.minRise && to > AUDIENCE_JUMP.factor * from;
    if (jumped) jumps.push({ network, from: from ?? 0, to });
  }
  return jumps;
}
