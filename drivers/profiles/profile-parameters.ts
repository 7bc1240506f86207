/**
 * Applies the user's choices for a profile's parameters (from the device URL's query) to its points. A missing
 * or unknown choice is a configuration error that names the parameter and its choices: guessing (e.g. kWh for a
 * meter set to MWh) would store numbers off by a factor of 1,000 without any sign.
 */
import { DeviceError } from '../device-driver.js';
import type { DeviceProfile } from './device-profile.js';

export const applyProfileParameters = (profile: DeviceProfile, url: string): DeviceProfile => {
  if (profile.parameters === undefined || profile.parameters.length === 0) return profile;
  let query: URLSearchParams;
  try {
    query = new URL(url).searchParams;
  } catch {
    throw new DeviceError('config', `not a URL: "${url}"`);
  }
  let points = profile.points;
  for (const param of profile.parameters) {
    const chosen = query.get(param.key);
    if (chosen === null || !param.choices.includes(chosen)) {
      const got = chosen === null ? 'nothing was chosen' : `got "${chosen}"`;
      throw new DeviceError(
        'config',
        `${url}: profile ${profile.id} needs "${param.key}" (${param.name}): one of ${param.choices.join(', ')}, ${got}; add ?${param.key}=${param.choices[0]} (or the right choice) to the address`,
      );
    }
    points = points.map((p) => (param.points.includes(p.key) ? { ...p, unit: chosen } : p));
  }
  return { ...profile, points };
};
