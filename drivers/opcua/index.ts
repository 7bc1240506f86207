/** The OPC UA part of drivers/: what the collector, the CLI, the UI's API handlers and the demo call. */
export { createOpcUaDriver, type OpcUaDriverOptions, type OpcUaDriverDiagnostics } from './opcua-driver.js';
export {
  parseOpcUaDeviceConfig,
  opcUaDeviceConfigSchema,
  type OpcUaDeviceConfig,
  type OpcUaPointConfig,
  type OpcUaIdentity,
  type OpcUaSecurityMode,
  type OpcUaSecurityPolicy,
} from './opcua-config.js';
export { probeOpcUa, type OpcUaProbeOptions, type OpcUaProbeResult } from './opcua-probe.js';
export { parseOpcUaProbeArgs, parseSecurity, type ParsedOpcUaProbeArgs } from './probe-args.js';
export { browseOpcUa, pickVariable } from './opcua-browse-session.js';
export { searchTree, type BrowsedNode } from './opcua-browse.js';
export {
  listServerCertificates,
  listUnknownServerCertificates,
  trustServerCertificate,
  rejectServerCertificate,
  type ServerCertificateInfo,
  type CertificateStatus,
} from './pki.js';
