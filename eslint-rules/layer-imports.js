// Enforces the import rules between the top-level folders (docs/architecture.md) so that a violation fails
// `npm run lint` and therefore `npm test`, not just a review.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** folder -> which folders it may import from, and which bare packages it may (or may not) use. */
export const LAYERS = {
  models: { folders: ['models'], packages: { allow: [] } },
  drivers: { folders: ['models', 'drivers'], packages: { deny: ['electron', 'three', 'chart.js'] } },
  main: { folders: ['models', 'drivers', 'main'], packages: { deny: ['three', 'chart.js'] } },
  renderer: { folders: ['models', 'renderer'], packages: { allow: ['three', 'chart.js'] } },
};

/** Electron may be imported only by the thin desktop entry points. */
const ELECTRON_FILES = /^main\/electron\//;

const packageName = (spec) => {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

const topFolder = (absPath) => path.relative(ROOT, absPath).split(path.sep)[0];

function problem(fileRel, layerName, layer, spec) {
  if (spec.startsWith('.')) {
    const target = topFolder(path.resolve(ROOT, path.dirname(fileRel), spec));
    return layer.folders.includes(target) ? null : `${layerName}/ may not import from ${target}/ ('${spec}')`;
  }
  const pkg = packageName(spec);
  if (pkg === 'electron' && layerName === 'main') {
    return ELECTRON_FILES.test(fileRel) ? null : `only main/electron/ may import electron ('${spec}')`;
  }
  if (layer.packages.allow) {
    return layer.packages.allow.includes(pkg) ? null : `${layerName}/ may not import '${spec}'`;
  }
  return layer.packages.deny.includes(pkg) ? `${layerName}/ may not import '${spec}'` : null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Import rules between models/, drivers/, main/ and renderer/' },
    schema: [],
  },
  create(context) {
    const fileRel = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const layerName = fileRel.split('/')[0];
    const layer = LAYERS[layerName];
    if (!layer) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const message = problem(fileRel, layerName, layer, source.value);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
