/**
 * A parse worker (worker_threads): parses and assembles the pieces of a CityGML file the main thread sends it,
 * one at a time, and answers each with its buildings or with the reason it could not.
 */
import { parentPort } from 'node:worker_threads';
import { type MembersJob, parseMembers } from './parse-members.js';

export type WorkerRequest = MembersJob & { readonly seq: number };
export type WorkerReply =
  | { readonly seq: number; readonly result: ReturnType<typeof parseMembers> }
  | { readonly seq: number; readonly problem: string };

const port = parentPort;
if (port === null) throw new Error('citygml-parse-worker runs as a worker thread');
port.on('message', (job: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { seq: job.seq, result: parseMembers(job) };
  } catch (e) {
    reply = { seq: job.seq, problem: e instanceof Error ? e.message : String(e) };
  }
  // the piece's bytes go back with the answer, and so leave this thread's memory now rather than at its next
  // garbage collection, which comes seldom as a worker makes little garbage; the main thread drops them unread
  port.postMessage(reply, [job.bytes.buffer as ArrayBuffer]);
});
