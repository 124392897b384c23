/**
 * A worker thread of the verification pool (verify-pool.ts): verifies score sheets with verifyScoreSheet,
 * exactly as the calling thread would. Each context (the event, the package revision, the jurors' keys)
 * comes once and is then named by its id; the payload goes back as JSON text, which the caller both
 * stores as it is and parses (cheaper than cloning the object graph, and it is what the inbox keeps).
 */
import { parentPort } from 'node:worker_threads';
import { verifyScoreSheet, type VerifyContext } from '../sheets/score-sheet.ts';
import type { WorkerReply, WorkerRequest } from './verify-pool.ts';

const contexts = new Map<string, VerifyContext>();
/** Contexts kept per worker: an event revision or two at a time is all a session sees. */
const KEPT = 4;

parentPort!.on('message', (message: WorkerRequest) => {
  if (message.kind === 'context') {
    contexts.set(message.contextId, message.context);
    while (contexts.size > KEPT) contexts.delete(contexts.keys().next().value!);
    return;
  }
  const context = contexts.get(message.contextId);
  const reply = (value: WorkerReply) => parentPort!.postMessage(value);
  if (!context) {
    reply({ kind: 'failed', taskId: message.taskId, error: `unknown context ${message.contextId}` });
    return;
  }
  verifyScoreSheet(message.bytes, message.fileName, context).then(
    (result) =>
      reply({
        kind: 'done',
        taskId: message.taskId,
        result: { ...result, payload: null },
        payloadJson: result.payload ? JSON.stringify(result.payload) : null,
      }),
    (error: unknown) => reply({ kind: 'failed', taskId: message.taskId, error: error instanceof Error ? error.message : String(error) }),
  );
});
