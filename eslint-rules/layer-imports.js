// Enforces the import rules of docs/architecture.md so that a violation fails `npm run lint` and therefore
// `npm test`, not just a review: between the top-level folders, between the core's modules and between the shells.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** folder -> which folders it may import from, and which bare packages it may (or may not) use. */
export const LAYERS = {
  models: { folders: ['models'], packages: { allow: [] } },
  drivers: { folders: ['models', 'drivers'], packages: { deny: ['electron', 'three', 'chart.js'] } },
  main: { folders: ['models', 'drivers', 'main'], packages: { deny: ['three', 'chart.js'] } },
  renderer: { folders: ['models', 'renderer'], packages: { allow: ['three', 'chart.js'] } },
};

/**
 * Inside main/core/ data flows one way: ingest -> store -> analysis -> reports and api. Each module may import
 * itself and the modules listed here, nothing else (so neither a shell nor a module further down the flow).
 */
export const CORE_MODULES = {
  base: [],
  store: ['base'],
  settings: ['base', 'store'],
  ingest: ['base', 'store'],
  importers: ['base', 'store'],
  analysis: ['base', 'store', 'settings'],
  reports: ['base', 'store', 'settings', 'analysis'],
  demo: ['base', 'store', 'ingest', 'importers'],
  projects: ['base', 'store', 'settings', 'importers'],
  'ui-assets': ['base'],
  fleet: ['base', 'store'],
  api: ['base', 'store', 'settings', 'ingest', 'importers', 'analysis', 'reports', 'demo', 'projects'],
  app: ['base', 'store', 'settings', 'ingest', 'importers', 'analysis', 'reports', 'demo', 'projects', 'api'],
};

/** The ways in. Each may import the core and the shells' common kit, never another shell. */
export const SHELLS = ['serve', 'cli', 'electron', 'collect'];
const SHELL_KIT = 'common';

/** Electron may be imported only by the thin desktop entry points. */
const ELECTRON_FILES = /^main\/shells\/electron\//;

const packageName = (spec) => {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

const relOf = (absPath) => path.relative(ROOT, absPath).split(path.sep).join('/');

/**
 * Where a file under main/ sits: {area: 'core', name: module} or {area: 'shells', name: shell}; name is null for a
 * file directly in main/core/ or main/shells/, area is null for one outside both; null for files outside main/.
 */
function mainPart(rel) {
  const parts = rel.split('/');
  if (parts[0] !== 'main' || parts.length < 3) return null;
  const area = parts[1] === 'core' || parts[1] === 'shells' ? parts[1] : null;
  return { area, name: area && parts.length > 3 ? parts[2] : null };
}

function placementProblem(fileRel) {
  const part = mainPart(fileRel);
  if (!part) return null;
  if (part.area === null) return `main/ has only core/ and shells/ ('${fileRel}')`;
  if (part.name === null) return `files in main/${part.area}/ belong in one of its folders ('${fileRel}')`;
  if (part.area === 'core' && !CORE_MODULES[part.name]) return `main/core/${part.name}/ is not a core module of docs/architecture.md`;
  if (part.area === 'shells' && ![...SHELLS, SHELL_KIT].includes(part.name)) return `main/shells/${part.name}/ is not a shell of docs/architecture.md`;
  return null;
}

function innerProblem(fileRel, targetRel, spec) {
  const from = mainPart(fileRel);
  const to = mainPart(targetRel);
  if (!from || !to || from.area === null || from.name === null || to.area === null || to.name === null) return null;
  if (from.area === 'core') {
    if (to.area === 'shells') return `main/core/ may not import a shell ('${spec}')`;
    const allowed = CORE_MODULES[from.name];
    if (!allowed) return null;
    if (to.name === from.name || allowed.includes(to.name)) return null;
    return `main/core/${from.name}/ may not import main/core/${to.name}/ ('${spec}'): the core's data flows ingest -> store -> analysis -> reports and api`;
  }
  // a shell
  if (to.area === 'core') return null;
  if (to.name === from.name || to.name === SHELL_KIT) return null;
  if (from.name === SHELL_KIT) return `main/shells/common/ may not import a shell ('${spec}')`;
  return `main/shells/${from.name}/ may not import another shell ('${spec}')`;
}

function problem(fileRel, layerName, layer, spec) {
  if (spec.startsWith('.')) {
    const targetRel = relOf(path.resolve(ROOT, path.dirname(fileRel), spec));
    const target = targetRel.split('/')[0];
    if (!layer.folders.includes(target)) return `${layerName}/ may not import from ${target}/ ('${spec}')`;
    return layerName === 'main' && target === 'main' ? innerProblem(fileRel, targetRel, spec) : null;
  }
  const pkg = packageName(spec);
  if (pkg === 'electron' && layerName === 'main') {
    return ELECTRON_FILES.test(fileRel) ? null : `only main/shells/electron/ may import electron ('${spec}')`;
  }
  if (layer.packages.allow) {
    return layer.packages.allow.includes(pkg) ? null : `${layerName}/ may not import '${spec}'`;
  }
  return layer.packages.deny.includes(pkg) ? `${layerName}/ may not import '${spec}'` : null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Import rules between models/, drivers/, main/ and renderer/, and inside main/' },
    schema: [],
  },
  create(context) {
    const fileRel = relOf(context.filename);
    const layerName = fileRel.split('/')[0];
    const layer = LAYERS[layerName];
    if (!layer) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const message = problem(fileRel, layerName, layer, source.value);
      if (message) context.report({ node, message });
    };
    return {
      Program: (node) => {
        const message = placementProblem(fileRel);
        if (message) context.report({ node, message });
      },
      ImportDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
