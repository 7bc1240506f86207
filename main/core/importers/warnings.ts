import { importWarningCode, type ImportWarning } from '../../../models/import-warning-codes.js';

/**
 * Collects warnings by kind so that a tile with 5,000 buildings without a height gives one line, not 5,000.
 */
export class Warnings {
  private readonly byMessage = new Map<string, { count: number; examples: string[] }>();

  /** `message` is the constant part ("no height, assumed 6 m"), `subject` what it concerns ("building DENW..."). */
  add(message: string, subject?: string): void {
    let entry = this.byMessage.get(message);
    if (!entry) {
      entry = { count: 0, examples: [] };
      this.byMessage.set(message, entry);
    }
    entry.count++;
    if (subject !== undefined && entry.examples.length < 3) entry.examples.push(subject);
  }

  /** The warnings whose kind has a code (models/import-warning-codes.ts), for the surfaces to translate. */
  coded(): ImportWarning[] {
    const out: ImportWarning[] = [];
    for (const [message, { count, examples }] of this.byMessage) {
      const c = importWarningCode(message);
      if (c !== undefined) out.push({ message, code: c.code, params: c.params, count, examples: [...examples] });
    }
    return out;
  }

  list(): string[] {
    return [...this.byMessage].map(([message, { count, examples }]) => {
      if (examples.length === 0) return count > 1 ? `${message} (${count} times)` : message;
      const more = count > examples.length ? ` and ${count - examples.length} more` : '';
      return `${message}: ${examples.join(', ')}${more}`;
    });
  }
}
