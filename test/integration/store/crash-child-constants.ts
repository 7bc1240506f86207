/** Shared by the crash test and its child process. */
export const STEP_MS = 10_000;
export const KWH_PER_STEP = 0.01;
/** The child's store batch size: the most a kill may lose, with the chunk being handed over. */
export const BATCH = 1000;
export const CHUNK = 250;
