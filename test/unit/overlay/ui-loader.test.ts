/**
 * The on-demand UI's loader: one injection however many callers wait, the parts only once
 * registered, and a failure kept as a state that the callers can show.
 */
import { describe, expect, it } from 'vitest';
import { createUiLoader, type OverlayUi } from '../../../utils/overlay/ui-loader';
import { overlayUi } from '../../../utils/overlay/ui-parts';

/** An injection the test finishes (or fails) when it says so, registering the real parts. */
function controlledInjection() {
  let registered: OverlayUi | undefined;
  const calls: Array<{ finish(): void; fail(error: Error): void; finishEmpty(): void }> = [];
  const inject = () =>
    new Promise<void>((resolve, reject) => {
      calls.push({
        finish() {
          registered = overlayUi;
          resolve();
        },
        finishEmpty: () => resolve(),
        fail: reject,
      });
    });
  return { calls, inject, registered: () => registered };
}

describe('createUiLoader', () => {
  it('injects once for every caller waiting, and hands each the registered parts', async () => {
    const injection = controlledInjection();
    const loader = createUiLoader(injection);
    expect(loader.state).toBe('idle');
    expect(loader.ui).toBeNull();
    const first = loader.load();
    const second = loader.load();
    expect(loader.state).toBe('loading');
    expect(injection.calls).toHaveLength(1);
    injection.calls[0]!.finish();
    expect(await first).toBe(overlayUi);
    expect(await second).toBe(overlayUi);
    expect(loader.state).toBe('ready');
    expect(loader.ui).toBe(overlayUi);
    await loader.load();
    expect(injection.calls).toHaveLength(1);
  });

  it('keeps a failed injection as a state, and tries again when asked again', async () => {
    const injection = controlledInjection();
    const loader = createUiLoader(injection);
    const waiting = [loader.load(), loader.load()];
    injection.calls[0]!.fail(new Error('Cannot access contents of the page'));
    for (const promise of waiting) await expect(promise).rejects.toThrow('Cannot access contents of the page');
    expect(loader.state).toBe('failed');
    expect(loader.ui).toBeNull();

    const again = loader.load();
    expect(injection.calls).toHaveLength(2);
    injection.calls[1]!.finish();
    expect(await again).toBe(overlayUi);
    expect(loader.state).toBe('ready');
  });

  it('fails when the injected script registered nothing', async () => {
    const injection = controlledInjection();
    const loader = createUiLoader(injection);
    const waiting = loader.load();
    injection.calls[0]!.finishEmpty();
    await expect(waiting).rejects.toThrow('registered nothing');
    expect(loader.state).toBe('failed');
  });

  it('uses parts already registered in this world without injecting again', async () => {
    const injection = controlledInjection();
    const loader = createUiLoader({ inject: injection.inject, registered: () => overlayUi });
    expect(await loader.load()).toBe(overlayUi);
    expect(injection.calls).toHaveLength(0);
  });
});
