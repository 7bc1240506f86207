/**
 * The projects the desktop app knows: one SQLite file per district, listed in <data>/projects.json with when each
 * was last opened (the "open recent" menu). The list is only an index: deleting it loses no data, and a listed file
 * that has gone missing is shown as such rather than silently dropped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../settings/settings-store.js';

export const PROJECT_ORIGINS = ['demo', 'import', 'empty'] as const;

const entrySchema = z
  .object({
    name: z.string().min(1).max(200),
    file: z.string().min(1),
    origin: z.enum(PROJECT_ORIGINS),
    createdAt: z.number().int().min(0),
    lastOpenedAt: z.number().int().min(0),
  })
  .strict();

const listSchema = z.object({ version: z.literal(1), current: z.string().nullable(), projects: z.array(entrySchema) }).strict();

export type ProjectEntry = z.infer<typeof entrySchema>;
export type ProjectOrigin = ProjectEntry['origin'];

export class ProjectsError extends Error {
  override readonly name = 'ProjectsError';
}

/** A file name from a project name: ASCII letters, digits and dashes (umlauts spelled out), never empty. */
export function projectSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'district';
}

export class ProjectsList {
  private constructor(
    readonly file: string,
    readonly projectsDir: string,
    private entries: ProjectEntry[],
    private currentFile: string | null,
  ) {}

  /** Opens the list; a data folder from before projects existed gets its district.sqlite listed as the demo. */
  static open(dataDir: string, now: () => number = Date.now): ProjectsList {
    const file = path.join(dataDir, 'projects.json');
    const projectsDir = path.join(dataDir, 'projects');
    if (!fs.existsSync(file)) {
      const legacy = path.join(dataDir, 'district.sqlite');
      const t = now();
      const list = new ProjectsList(file, projectsDir, [{ name: 'Demo', file: legacy, origin: 'demo', createdAt: t, lastOpenedAt: t }], legacy);
      list.save();
      return list;
    }
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ProjectsError(`${file}: not JSON (${(e as Error).message})`);
    }
    const parsed = listSchema.safeParse(json);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new ProjectsError(`${file}: ${i?.path.join('.') || '(root)'}: ${i?.message ?? 'invalid'}`);
    }
    return new ProjectsList(file, projectsDir, parsed.data.projects, parsed.data.current);
  }

  all(): readonly ProjectEntry[] {
    return this.entries;
  }

  /** Most recently opened first, at most n, each with whether its file still exists. */
  recent(n = 10): ReadonlyArray<ProjectEntry & { readonly missing: boolean }> {
    return [...this.entries]
      .sort((a, b) => b.lastOpenedAt - a.lastOpenedAt)
      .slice(0, n)
      .map((e) => ({ ...e, missing: !fs.existsSync(e.file) }));
  }

  current(): ProjectEntry | null {
    return this.entries.find((e) => e.file === this.currentFile) ?? null;
  }

  /** A free file for a new project in <data>/projects/. */
  fileFor(name: string): string {
    const slug = projectSlug(name);
    for (let i = 1; ; i++) {
      const candidate = path.join(this.projectsDir, `${i === 1 ? slug : `${slug}-${i}`}.sqlite`);
      if (!fs.existsSync(candidate) && !this.entries.some((e) => e.file === candidate)) return candidate;
    }
  }

  add(entry: Omit<ProjectEntry, 'createdAt' | 'lastOpenedAt'>, now = Date.now()): ProjectEntry {
    const checked = entrySchema.parse({ ...entry, file: path.resolve(entry.file), createdAt: now, lastOpenedAt: now });
    if (this.entries.some((e) => e.file === checked.file)) throw new ProjectsError(`project file ${checked.file} is already listed`);
    this.entries.push(checked);
    this.save();
    return checked;
  }

  /** Marks a project as opened now and current; a file not yet listed (opened from disk) is added. */
  open(file: string, now = Date.now()): ProjectEntry {
    const resolved = path.resolve(file);
    if (!fs.existsSync(resolved)) throw new ProjectsError(`project file ${resolved} does not exist`);
    let entry = this.entries.find((e) => e.file === resolved);
    if (!entry) {
      entry = { name: path.basename(resolved).replace(/\.sqlite$/i, ''), file: resolved, origin: 'empty', createdAt: now, lastOpenedAt: now };
      this.entries.push(entry);
    }
    const opened = { ...entry, lastOpenedAt: now };
    this.entries = this.entries.map((e) => (e === entry ? opened : e));
    this.currentFile = resolved;
    this.save();
    return opened;
  }

  /** Forgets a project; its SQLite file stays where it is. */
  forget(file: string): void {
    const resolved = path.resolve(file);
    this.entries = this.entries.filter((e) => e.file !== resolved);
    if (this.currentFile === resolved) this.currentFile = null;
    this.save();
  }

  private save(): void {
    writeFileAtomic(this.file, JSON.stringify({ version: 1, current: this.currentFile, projects: this.entries }, null, 2) + '\n');
  }
}
