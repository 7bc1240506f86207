/**
 * Walks a server's address space for the UI's tree browser and for `plustwin probe --browse`. Depth-limited and
 * breadth-first per level, so one level costs one Browse call however wide it is. The standard namespace 0 (the
 * Server object with its hundreds of diagnostics nodes) is listed but not descended into.
 */
import { AttributeIds, BrowseDirection, NodeClass, NodeClassMask, ReferenceTypeIds, resolveNodeId } from 'node-opcua';
import type { ClientSession } from 'node-opcua';
import type { ProbeBrowseNode } from '../probe-result.js';
import { dataTypeName, readEngineeringUnits } from './opcua-points.js';

export interface BrowseOptions {
  /** Where to start; the Objects folder when omitted. */
  readonly startNodeId?: string;
  /** Levels below the start node (1 = its children only). */
  readonly depth: number;
  /** Stop listing after this many nodes, so a huge server cannot flood the UI. */
  readonly maxNodes?: number;
}

interface MutableNode {
  nodeId: string;
  browseName: string;
  displayName: string;
  nodeClass: string;
  dataType?: string;
  unit?: string;
  children?: MutableNode[];
}

export interface BrowsedNode extends ProbeBrowseNode {
  readonly displayName: string;
  readonly children?: readonly BrowsedNode[];
}

const OBJECTS_FOLDER = 'i=85';
const BROWSE_BATCH = 500;

export async function browseTree(session: ClientSession, options: BrowseOptions): Promise<BrowsedNode[]> {
  const maxNodes = options.maxNodes ?? 5000;
  const start = options.startNodeId ?? OBJECTS_FOLDER;
  resolveNodeId(start); // throws with the offending text for a malformed id
  const roots: MutableNode[] = [];
  let frontier: { nodeId: string; into: MutableNode[] }[] = [{ nodeId: start, into: roots }];
  let count = 0;
  const variables: MutableNode[] = [];

  for (let level = 0; level < options.depth && frontier.length > 0 && count < maxNodes; level++) {
    const next: typeof frontier = [];
    for (let i = 0; i < frontier.length && count < maxNodes; i += BROWSE_BATCH) {
      const batch = frontier.slice(i, i + BROWSE_BATCH);
      const results = await session.browse(
        batch.map((f) => ({
          nodeId: f.nodeId,
          browseDirection: BrowseDirection.Forward,
          referenceTypeId: ReferenceTypeIds.HierarchicalReferences,
          includeSubtypes: true,
          nodeClassMask: NodeClassMask.Object | NodeClassMask.Variable | NodeClassMask.Method,
          resultMask: 0x3f,
        })),
      );
      results.forEach((res, k) => {
        const parent = batch[k]!;
        for (const ref of res.references ?? []) {
          if (count >= maxNodes) break;
          count++;
          const node: MutableNode = {
            nodeId: ref.nodeId.toString(),
            browseName: ref.browseName.toString(),
            displayName: ref.displayName.text ?? ref.browseName.name ?? '',
            nodeClass: NodeClass[ref.nodeClass] ?? String(ref.nodeClass),
          };
          parent.into.push(node);
          if (ref.nodeClass === NodeClass.Variable) variables.push(node);
          if (ref.nodeId.namespace !== 0 && ref.nodeClass !== NodeClass.Method) {
            node.children = [];
            next.push({ nodeId: node.nodeId, into: node.children });
          }
        }
      });
    }
    frontier = next;
  }
  await fillDataTypes(session, variables);
  await fillUnits(session, variables);
  return prune(roots);
}

async function fillDataTypes(session: ClientSession, variables: MutableNode[]): Promise<void> {
  for (let i = 0; i < variables.length; i += BROWSE_BATCH) {
    const batch = variables.slice(i, i + BROWSE_BATCH);
    const types = await session.read(batch.map((v) => ({ nodeId: v.nodeId, attributeId: AttributeIds.DataType })));
    types.forEach((dv, k) => {
      const id: unknown = dv.value.value;
      if (id && typeof id === 'object' && 'value' in id && 'namespace' in id) {
        const nsValue = id as { namespace: number; value: unknown };
        batch[k]!.dataType = nsValue.namespace === 0 ? dataTypeName(Number(nsValue.value)) : String(id);
      }
    });
  }
}

/**
 * The unit a variable's EngineeringUnits property names (kW, kWh, m³ ...), so the picker can tell heat power in kW
 * from a temperature in °C. A server without the property, or one that refuses the extra calls, leaves it out.
 */
async function fillUnits(session: ClientSession, variables: MutableNode[]): Promise<void> {
  for (let i = 0; i < variables.length; i += BROWSE_BATCH) {
    const batch = variables.slice(i, i + BROWSE_BATCH);
    const eus = await readEngineeringUnits(
      session,
      batch.map((v) => v.nodeId),
    ).catch(() => []);
    eus.forEach((eu, k) => {
      const symbol = eu?.displayName?.text ?? undefined;
      if (symbol) batch[k]!.unit = symbol;
    });
  }
}

/** Folders that stayed empty because of the depth limit lose their `children: []`, so "not browsed" is visible. */
function prune(nodes: MutableNode[]): BrowsedNode[] {
  return nodes.map((n) => {
    const base = { nodeId: n.nodeId, browseName: n.browseName, displayName: n.displayName, nodeClass: n.nodeClass };
    const withType = { ...base, ...(n.dataType !== undefined ? { dataType: n.dataType } : {}), ...(n.unit !== undefined ? { unit: n.unit } : {}) };
    return n.children && n.children.length > 0 ? { ...withType, children: prune(n.children) } : withType;
  });
}

/** The UI's search box: nodes whose browse name, display name or node id contain the text, with their path. */
export function searchTree(
  tree: readonly BrowsedNode[],
  text: string,
): { readonly node: BrowsedNode; readonly path: readonly string[] }[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  const out: { node: BrowsedNode; path: string[] }[] = [];
  const walk = (nodes: readonly BrowsedNode[], path: string[]) => {
    for (const n of nodes) {
      const here = [...path, n.displayName];
      if ([n.browseName, n.displayName, n.nodeId].some((s) => s.toLowerCase().includes(needle))) {
        out.push({ node: n, path: here });
      }
      if (n.children) walk(n.children, here);
    }
  };
  walk(tree, []);
  return out;
}
