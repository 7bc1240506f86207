import { describe, expect, it } from 'vitest';
import { searchTree, type BrowsedNode } from '../../../drivers/opcua/opcua-browse.js';

const tree: BrowsedNode[] = [
  {
    nodeId: 'ns=2;s=Plant',
    browseName: '2:Plant',
    displayName: 'Heizzentrale',
    nodeClass: 'Object',
    children: [
      { nodeId: 'ns=2;s=Plant.Boiler1.Power', browseName: '2:Power', displayName: 'Kessel 1 Leistung', nodeClass: 'Variable', dataType: 'Double' },
      { nodeId: 'ns=2;s=Plant.Flow', browseName: '2:FlowTemp', displayName: 'Vorlauf', nodeClass: 'Variable', dataType: 'Float' },
    ],
  },
];

describe('searchTree', () => {
  it('matches browse name, display name and node id, case-insensitively, with the path', () => {
    expect(searchTree(tree, 'kessel').map((h) => h.path)).toEqual([['Heizzentrale', 'Kessel 1 Leistung']]);
    expect(searchTree(tree, 'FLOWTEMP').map((h) => h.node.nodeId)).toEqual(['ns=2;s=Plant.Flow']);
    expect(searchTree(tree, 'boiler1').map((h) => h.node.displayName)).toEqual(['Kessel 1 Leistung']);
    expect(searchTree(tree, 'plant')).toHaveLength(3);
  });

  it('finds nothing for blank text', () => {
    expect(searchTree(tree, '   ')).toEqual([]);
  });
});
