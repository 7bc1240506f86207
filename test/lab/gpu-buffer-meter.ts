/**
 * Counts the bytes of vertex and index buffers alive on a WebGL context. renderer.info only counts geometries,
 * not their size, so the lab wraps the context's bufferData/deleteBuffer to see what three.js really uploads.
 */
export interface GpuBufferMeter {
  /** Bytes in buffers created and not yet deleted. */
  readonly bytes: () => number;
  readonly buffers: () => number;
}

type BufferDataArgs = [target: GLenum, data: number | AllowSharedBufferSource | ArrayBufferView | null, usage: GLenum, srcOffset?: number, length?: number];

/** Size in bytes that one bufferData call allocates (its overloads take a size, a buffer, or a view with offset/length). */
export function bufferDataBytes(...[, data, , srcOffset = 0, length]: BufferDataArgs): number {
  if (data === null) return 0;
  if (typeof data === 'number') return data;
  if (ArrayBuffer.isView(data)) {
    const element = 'BYTES_PER_ELEMENT' in data ? (data as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT : 1;
    if (length !== undefined && length > 0) return length * element;
    return data.byteLength - srcOffset * element;
  }
  return data.byteLength;
}

const WRAPPED = new WeakMap<WebGL2RenderingContext, GpuBufferMeter>();

export function meterGpuBuffers(gl: WebGL2RenderingContext): GpuBufferMeter {
  const existing = WRAPPED.get(gl);
  if (existing) return existing;
  const sizes = new Map<WebGLBuffer, number>();
  let total = 0;
  const bufferData = gl.bufferData.bind(gl) as (...args: BufferDataArgs) => void;
  const deleteBuffer = gl.deleteBuffer.bind(gl);
  const bindingOf = (target: GLenum): GLenum | null =>
    target === gl.ARRAY_BUFFER ? gl.ARRAY_BUFFER_BINDING : target === gl.ELEMENT_ARRAY_BUFFER ? gl.ELEMENT_ARRAY_BUFFER_BINDING : null;

  // own properties shadow the prototype's methods, for this context only
  (gl as unknown as { bufferData: (...args: BufferDataArgs) => void }).bufferData = (...args: BufferDataArgs) => {
    bufferData(...args);
    const binding = bindingOf(args[0]);
    // the bound buffer is read back (answered from Chromium's client-side state) rather than tracked through
    // bindBuffer, because vertex array objects switch the element array binding behind our back
    const buffer = binding === null ? null : (gl.getParameter(binding) as WebGLBuffer | null);
    if (!buffer) return;
    const bytes = bufferDataBytes(...args);
    total += bytes - (sizes.get(buffer) ?? 0);
    sizes.set(buffer, bytes);
  };
  gl.deleteBuffer = (buffer: WebGLBuffer | null) => {
    if (buffer) {
      total -= sizes.get(buffer) ?? 0;
      sizes.delete(buffer);
    }
    deleteBuffer(buffer);
  };
  const meter: GpuBufferMeter = { bytes: () => total, buffers: () => sizes.size };
  WRAPPED.set(gl, meter);
  return meter;
}
