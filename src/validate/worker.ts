/**
 * A worker thread checking documents (layers 1–2) one at a time. Schemas are
 * loaded once per worker (grammar-cache keeps them), not once per document.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkDocument, type DocumentCheckOptions } from './document.js';

const options = workerData as DocumentCheckOptions;

parentPort!.on('message', async (message: { id: number; file: string }) => {
  try {
    const result = await checkDocument(message.file, options);
    parentPort!.postMessage({ id: message.id, result });
  } catch (err) {
    parentPort!.postMessage({ id: message.id, error: String((err as Error)?.stack ?? err) });
  }
});
