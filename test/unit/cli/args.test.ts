import { describe, expect, it } from 'vitest';
import { intOption, parseArgs } from '../../../main/shells/common/args.js';
import { UsageError } from '../../../main/shells/common/command.js';

describe('parseArgs', () => {
  const spec = { port: 'string', json: 'boolean', node: 'list' } as const;
  it('reads values, booleans, lists and positionals', () => {
    const r = parseArgs(['a.gml', '--port', '80', '--json', '--node=ns=1;i=5', '--node', 'ns=1;i=6'], spec);
    expect(r.positional).toEqual(['a.gml']);
    expect(r.flags).toEqual({ port: '80', json: true, node: ['ns=1;i=5', 'ns=1;i=6'] });
  });
  it('refuses unknown options and missing values with a message naming them', () => {
    expect(() => parseArgs(['--prot', '80'], spec)).toThrow(new UsageError('unknown option --prot', { key: 'args.unknownOption', params: { name: 'prot' } }));
    expect(() => parseArgs(['--port'], spec)).toThrow(/--port needs a value/);
    expect(() => parseArgs(['--port', '--json'], spec)).toThrow(/--port needs a value/);
    expect(() => parseArgs(['--json=yes'], spec)).toThrow(/takes no value/);
  });
  it('checks integer ranges', () => {
    expect(intOption('port', '8080', 1, 0, 65535)).toBe(8080);
    expect(intOption('port', undefined, 8740, 0, 65535)).toBe(8740);
    expect(() => intOption('port', '70000', 1, 0, 65535)).toThrow(/--port must be a whole number from 0 to 65535, got '70000'/);
    expect(() => intOption('port', '8.5', 1, 0, 65535)).toThrow(/--port/);
  });
});
