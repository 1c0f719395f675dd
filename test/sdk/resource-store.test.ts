import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdvError, AdvNetworkError, createResourceStore, type ResourceState } from '@advocacy/sdk';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('createResourceStore', () => {
  it('stays idle until subscribed, then loads and becomes ready', async () => {
    let loads = 0;
    const $store = createResourceStore(async () => ++loads);
    // `.value` reads without mounting (`get()` would mount the store, and so load it).
    assert.deepEqual($store.value, { status: 'idle' });
    assert.equal(loads, 0);
    const seen: ResourceState<number>['status'][] = [];
    const unsubscribe = $store.subscribe((state) => seen.push(state.status));
    await tick();
    assert.deepEqual($store.get(), { status: 'ready', data: 1 });
    assert.deepEqual(seen, ['loading', 'ready']);
    unsubscribe();
  });

  it('never stays loading after a failure, and wraps foreign errors in AdvError', async () => {
    const $store = createResourceStore<number>(async () => {
      throw new TypeError('boom');
    });
    const unsubscribe = $store.listen(() => {});
    await $store.refresh();
    const state = $store.get();
    assert.equal(state.status, 'error');
    assert.ok(state.error instanceof AdvError);
    assert.match(state.error.message, /boom/);
    unsubscribe();
  });

  it('keeps the last data through a failed refresh', async () => {
    let fail = false;
    const $store = createResourceStore(async () => {
      if (fail) throw new AdvNetworkError('offline', 'offline');
      return 'first';
    });
    const unsubscribe = $store.listen(() => {});
    await $store.refresh();
    fail = true;
    await $store.refresh();
    assert.equal($store.get().status, 'error');
    assert.equal($store.get().data, 'first');
    assert.ok($store.get().error instanceof AdvNetworkError);
    unsubscribe();
  });

  it('lets the newest refresh win over a slower older one', async () => {
    const resolvers: ((value: string) => void)[] = [];
    const $store = createResourceStore((): Promise<string> => new Promise((resolve) => resolvers.push(resolve)));
    const unsubscribe = $store.listen(() => {});
    const second = $store.refresh();
    resolvers[1]!('new');
    await second;
    resolvers[0]!('old');
    await tick();
    assert.deepEqual($store.get(), { status: 'ready', data: 'new' });
    unsubscribe();
  });

  it('aborts its request when the last subscriber leaves', async (context) => {
    context.mock.timers.enable({ apis: ['setTimeout'] });
    let signal: AbortSignal | undefined;
    const $store = createResourceStore((given) => {
      signal = given;
      return new Promise<never>(() => {});
    });
    const unsubscribe = $store.listen(() => {});
    unsubscribe();
    context.mock.timers.tick(1_000); // nanostores unmounts a second after the last listener
    assert.equal(signal?.aborted, true);
    assert.notEqual($store.value?.status, 'loading');
  });
});
