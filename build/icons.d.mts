export function crc32(bytes: Uint8Array): number;
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
export function renderIcon(size: number): Uint8Array;
export function iconPng(size: number): Buffer;
