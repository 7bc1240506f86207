/** OPC UA: security and login choices, the tree browser and the server certificates the app trusts or rejects. */
import type { Medium, OpcUaSecurityChoice, PointKind, PointRole } from '../values.js';

export type { OpcUaSecurityChoice } from '../values.js';

/** How to log in to an OPC UA server (a password is sent to the core, never stored in the renderer). */
export type OpcUaLogin =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'username'; readonly username: string; readonly password: string };

/** One variable picked in the tree browser, with the meaning the user gave it. */
export interface OpcUaPointChoice {
  readonly nodeId: string;
  readonly key: string;
  readonly name?: string;
  readonly medium: Medium;
  readonly role: PointRole;
  readonly kind: PointKind;
}

export interface OpcUaBrowseNodeView {
  readonly nodeId: string;
  readonly browseName: string;
  readonly displayName: string;
  readonly nodeClass: string;
  readonly dataType?: string;
  /** The EngineeringUnits' display name (kW, kWh, °C), where the server publishes one. */
  readonly unit?: string;
  /** Absent when the node was not browsed (deeper than asked) or has no children. */
  readonly children?: readonly OpcUaBrowseNodeView[];
}

export interface OpcUaBrowseResult {
  readonly nodes: readonly OpcUaBrowseNodeView[];
  /** With a search text: the matching nodes and their display-name path from the start node. */
  readonly matches?: readonly { readonly node: OpcUaBrowseNodeView; readonly path: readonly string[] }[];
}

export interface OpcUaConnectArgs {
  readonly url: string;
  readonly security?: OpcUaSecurityChoice;
  readonly login?: OpcUaLogin;
}

/** A server certificate the app's PKI holds, for the trust dialog. */
export interface ServerCertificateView {
  readonly status: 'unknown' | 'trusted' | 'rejected';
  readonly subject: string;
  readonly issuer: string;
  readonly thumbprint: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly currentlyValid: boolean;
  readonly applicationUri?: string;
}

export interface OpcUaMethods {
  'opcua.browse': { args: OpcUaConnectArgs & { nodeId?: string; depth?: number; search?: string }; result: OpcUaBrowseResult };
  'opcua.certificates': { args: Record<string, never>; result: readonly ServerCertificateView[] };
  'opcua.trust': { args: { thumbprint: string }; result: ServerCertificateView };
  'opcua.reject': { args: { thumbprint: string }; result: ServerCertificateView };
}
