/**
 * `plustwin probe <url>`: one look at a device. Modbus URLs go to the Modbus probe (SunSpec discovery or a profile),
 * opc.tcp:// URLs to the OPC UA probe; both print identity and current values with units, or JSON.
 */
import path from 'node:path';
import type { CliCommand } from '../../common/command.js';
import { UsageError } from '../../common/command.js';
import { parseArgs } from '../../common/args.js';
import { usageError } from '../cli-error.js';
import { commandLang } from '../command-lang.js';
import { numberFormatter } from '../number-format.js';
import { modbusProbeText, opcUaProbeText } from '../probe-text.js';
import { defaultDataDir } from '../../../core/base/data-dir.js';

const usage = `usage:
  plustwin probe modbus-tcp://HOST:PORT?unit=N [--profile NAME] [--json] [--lang de|en]
  plustwin probe modbus-rtu:///dev/ttyUSB0?baud=9600&unit=N [--profile NAME] [--json] [--lang de|en]
  plustwin probe modbus-rtu-tcp://GATEWAY:PORT?unit=N [--profile NAME] [--json] [--lang de|en]
  plustwin probe opc.tcp://HOST:PORT[/path] [--browse DEPTH] [--node NODEID ...] [--security MODE:POLICY]
                 [--user NAME --password-file FILE] [--user-cert FILE --user-key FILE] [--data DIR] [--json]

Connects once, reads only, and prints the device's identity (manufacturer, model, serial) and current values with
units. Without --profile a Modbus device is searched for SunSpec (base 0, 40000, 50000). OPC UA uses the app's
certificate folder (<data>/pki); see docs/opcua.md for security modes and trusting server certificates.
Profiles: drivers/profiles/devices/ (docs/devices.md). --lang de|en: language of the labels, messages and numbers
(default from LANG).`;

export const probeCommand: CliCommand = {
  name: 'probe',
  summary: 'read a Modbus or OPC UA device once: identity and current values',
  usage,
  async run(argv, io) {
    // --lang is the CLI's, not the OPC UA probe's: take it out before the driver reads the flags
    const langAt = argv.indexOf('--lang');
    const langFlag = langAt === -1 ? undefined : (argv[langAt + 1] ?? '');
    const args = langAt === -1 ? argv : [...argv.slice(0, langAt), ...argv.slice(langAt + 2)];
    const f = numberFormatter(commandLang(langFlag));
    const url = args.find((a) => !a.startsWith('--'));
    if (url === undefined) throw usageError('probe.missingUrl');
    if (url.startsWith('opc.tcp://')) {
      const rest = [...args];
      const dataAt = rest.indexOf('--data');
      let dataDir = defaultDataDir();
      if (dataAt !== -1) {
        const value = rest[dataAt + 1];
        if (value === undefined) throw new UsageError('option --data needs a value', { key: 'args.needsValue', params: { name: 'data' } });
        dataDir = value;
        rest.splice(dataAt, 2);
      }
      // the OPC UA stack loads only for OPC UA probes (it costs seconds at start-up)
      const { parseOpcUaProbeArgs, probeOpcUa } = await import('../../../../drivers/opcua/index.js');
      let parsed;
      try {
        parsed = await parseOpcUaProbeArgs(rest);
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const result = await probeOpcUa(parsed.url, { ...parsed.options, pkiDir: path.join(dataDir, 'pki') });
      io.out.write(parsed.json ? JSON.stringify(result, null, 2) + '\n' : opcUaProbeText(result, f) + '\n');
      return 0;
    }
    if (!/^modbus-(tcp|rtu|rtu-tcp):\/\//.test(url)) {
      throw usageError('probe.badUrl', { url });
    }
    const { flags, positional } = parseArgs(args, { profile: 'string', json: 'boolean' });
    if (positional.length > 1) throw usageError('usage.unexpected', { arg: positional[1] as string });
    const { probeModbus } = await import('../../../../drivers/modbus/probe-modbus.js');
    const result = await probeModbus(url, flags.profile === undefined ? {} : { profile: flags.profile });
    io.out.write(flags.json ? JSON.stringify(result, null, 2) + '\n' : modbusProbeText(result, f) + '\n');
    return 0;
  },
};
