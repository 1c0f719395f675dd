import type { AdvClient } from '../client.js';
import type { Me, MeUpdate } from '../contract/me.js';
import type { NewShare, Share } from '../contract/shares.js';
import type { NewTestimonial, Testimonial } from '../contract/testimonials.js';
import type { CallOptions } from '../resources/call-route.js';
import type { ResourceStore } from './resource-store.js';

/** Refreshes the stores an action changed, if they are in use; their failures are theirs to show. */
function refreshAll(stores: readonly (ResourceStore<unknown> | undefined)[]): void {
  for (const store of stores) if (store && store.lc > 0) void store.refresh();
}

/** Creates (or gets back) the caller's tracked link; the leaderboard moves with the share's points. */
export async function share(client: AdvClient, input: NewShare, options: CallOptions & { refresh?: ResourceStore<unknown>[] } = {}): Promise<Share> {
  const created = await client.shares.create(input, options);
  refreshAll(options.refresh ?? []);
  return created;
}

export async function submitTestimonial(
  client: AdvClient,
  input: NewTestimonial,
  options: CallOptions & { refresh?: ResourceStore<unknown>[] } = {},
): Promise<Testimonial> {
  const created = await client.testimonials.submit(input, options);
  refreshAll(options.refresh ?? []);
  return created;
}

export async function withdrawTestimonial(client: AdvClient, id: string, options: CallOptions & { refresh?: ResourceStore<unknown>[] } = {}): Promise<Testimonial> {
  const withdrawn = await client.testimonials.withdraw(id, options);
  refreshAll(options.refresh ?? []);
  return withdrawn;
}

export async function updateMe(client: AdvClient, changes: MeUpdate, options: CallOptions & { refresh?: ResourceStore<unknown>[] } = {}): Promise<Me> {
  const me = await client.me.update(changes, options);
  refreshAll(options.refresh ?? []);
  return me;
}
