// A stand-in hydration chunk: records that it ran (and when, against the others).
(globalThis.loadedChunks ??= []).push('hydrate');
