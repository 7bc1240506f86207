import { StatusCodes } from 'node-opcua';
import { describe, expect, it } from 'vitest';
import { qualityFromStatus } from '../../../drivers/opcua/status-quality.js';

describe('status code severity to sample quality', () => {
  it.each([
    [StatusCodes.Good, 'good'],
    [StatusCodes.GoodClamped, 'good'],
    [StatusCodes.UncertainLastUsableValue, 'uncertain'],
    [StatusCodes.UncertainSensorNotAccurate, 'uncertain'],
    [StatusCodes.BadDeviceFailure, 'bad'],
    [StatusCodes.BadNoCommunication, 'bad'],
    [StatusCodes.BadNodeIdUnknown, 'bad'],
  ] as const)('%s -> %s', (code, quality) => {
    expect(qualityFromStatus(code.value)).toBe(quality);
  });
});
