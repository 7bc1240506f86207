/**
 * The devices' OPC UA passwords are sealed on their way into the district file and opened on their way out, so
 * the file (and every backup of it) never holds one in plain text, while everything above the store sees the
 * password the driver needs. A password that cannot be opened (the file came from another machine, the key file
 * was lost) is given out empty and said once, so the user enters it again instead of the device failing obscurely.
 */
import type { Device } from '../../../models/types.js';
import { SecretOpenError, type SecretCipher } from '../base/secret-cipher.js';

type Identity = { kind?: string; username?: string; password?: string };

const identityOf = (d: Device): Identity | undefined => d.config?.['identity'] as Identity | undefined;

function withPassword(d: Device, password: string): Device {
  return { ...d, config: { ...d.config, identity: { ...identityOf(d), password } } };
}

export function sealDevices(devices: readonly Device[], cipher: SecretCipher): Device[] {
  return devices.map((d) => {
    const pw = identityOf(d)?.password;
    if (pw === undefined || pw === '' || cipher.isSealed(pw)) return d;
    return withPassword(d, cipher.seal(pw, d.id));
  });
}

export function openDevices(devices: readonly Device[], cipher: SecretCipher, log?: (line: string) => void): Device[] {
  return devices.map((d) => {
    const pw = identityOf(d)?.password;
    if (pw === undefined || !cipher.isSealed(pw)) return d;
    try {
      return withPassword(d, cipher.open(pw, d.id));
    } catch (e) {
      if (!(e instanceof SecretOpenError)) throw e;
      log?.(`device ${d.id}: the stored password cannot be read (${e.message}); enter it again`);
      return withPassword(d, '');
    }
  });
}
