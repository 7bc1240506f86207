// Loaded with `node --import`: serialport and its native binding cannot be loaded, as when electron-builder's rebuild
// of @serialport/bindings-cpp failed or does not match the Electron ABI. Both module systems refuse it.
import Module, { register } from 'node:module';

const HIDDEN = /^(serialport|@serialport\/.*)$/;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (HIDDEN.test(request)) throw Object.assign(new Error(`Cannot find module '${request}' (hidden by the packaging test)`), { code: 'MODULE_NOT_FOUND' });
  return resolveFilename.call(this, request, ...rest);
};
register(
  `data:text/javascript,${encodeURIComponent(`export async function resolve(specifier, context, next) {
    if (${HIDDEN}.test(specifier)) throw Object.assign(new Error("Cannot find package '" + specifier + "' (hidden by the packaging test)"), { code: 'ERR_MODULE_NOT_FOUND' });
    return next(specifier, context);
  }`)}`,
);
