/**
 * The dashboard's import worker: parsing, mapping and storing a CSV export off the page's main
 * thread, so the progress bar and the cancel button stay responsive. It writes to the extension's
 * IndexedDB directly (the same origin as the background) rather than sending 100,000 records
 * through messaging; the page then tells the background to pick them up.
 */
import { ImportDB } from './import-db';
import type { ImportWorkerReply, ImportWorkerRequest } from './worker-protocol';
import { storeImport } from './store-import';
import type { ImportFailure } from './run-import';

const db = new ImportDB();
let controller: AbortController | null = null;
const reply = (message: ImportWorkerReply) => postMessage(message);

addEventListener('message', (event: MessageEvent<ImportWorkerRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    controller?.abort();
    return;
  }
  controller = new AbortController();
  const { file, ...options } = request;
  let lastProgress = 0;
  storeImport(db, file, {
    ...options,
    signal: controller.signal,
    now: () => Date.now(),
    onProgress: (progress) => {
      // At most ~20 updates a second: enough for a smooth bar, cheap for the page.
      const now = performance.now();
      if (now - lastProgress < 50 && progress.fraction < 1) return;
      lastProgress = now;
      reply({ type: 'progress', ...progress });
    },
  }).then(
    ({ result, info, timings }) => reply({ type: 'done', result, info, timings }),
    (failure: ImportFailure | Error) => reply({ type: 'failed', failure: 'kind' in failure ? failure : { kind: 'unreadable', message: String(failure) } }),
  );
});
