/** What `plustwin probe` and the UI's "test connection" show for any protocol. */
import type { DeviceProtocol, SampleQuality } from '../models/types.js';

export interface ProbeValue {
  readonly key: string;
  readonly name: string;
  readonly value: number | string | null;
  readonly unit: string;
  readonly quality: SampleQuality;
}

export interface ProbeBrowseNode {
  readonly nodeId: string;
  readonly browseName: string;
  readonly nodeClass: string;
  readonly dataType?: string;
  /** The EngineeringUnits' display name (kW, kWh, °C), where the server publishes one. */
  readonly unit?: string;
  readonly children?: readonly ProbeBrowseNode[];
}

export interface ProbeResult {
  readonly url: string;
  readonly protocol: DeviceProtocol;
  readonly identity: {
    readonly manufacturer?: string;
    readonly model?: string;
    readonly serial?: string;
    readonly version?: string;
  };
  readonly values: readonly ProbeValue[];
  /** Human-readable findings, e.g. "SunSpec at base 40000: models 1, 103, 160". */
  readonly notes: readonly string[];
  readonly browse?: readonly ProbeBrowseNode[];
}
