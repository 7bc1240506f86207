/**
 * The OPC UA tree browser: expands one level at a time, searches the server, and lets the user pick variables.
 * A picked variable gets a key, medium, role and kind chosen by the user; its unit comes from the server's
 * EUInformation when the core creates the device.
 */
import type { OpcUaBrowseNodeView, OpcUaConnectArgs, OpcUaPointChoice, PlusTwinApi } from '../../models/contract/index.js';
import { MEDIA, POINT_KINDS, POINT_ROLES, type Medium, type PointKind, type PointRole } from '../../models/values.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { callApi, errorText } from './devices-api.js';
import { guessPoint } from './point-guess.js';

const keyOf = (node: OpcUaBrowseNodeView): string =>
  (node.browseName.replace(/^\d+:/, '') || 'point').replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 60);

export class OpcUaBrowser {
  readonly element: HTMLElement;
  private readonly tree = h('div', { class: 'dev-tree', role: 'tree', 'data-testid': 'opcua-tree' });
  private readonly picked = h('div', { class: 'dev-picked', 'data-testid': 'opcua-picked' });
  private readonly message = h('p', { class: 'dev-error', role: 'alert' });
  private readonly choices = new Map<string, { node: OpcUaBrowseNodeView; row: HTMLElement; read: () => OpcUaPointChoice }>();

  constructor(
    private readonly api: PlusTwinApi,
    private readonly i18n: I18n,
    private readonly connect: () => OpcUaConnectArgs,
    initial: readonly OpcUaPointChoice[] = [],
  ) {
    const search = h('input', { type: 'search', 'aria-label': i18n.t('devices.browse.search'), placeholder: i18n.t('devices.browse.search'), 'data-testid': 'opcua-search' });
    const searchButton = h('button', { type: 'button', text: i18n.t('devices.browse.find') });
    const loadButton = h('button', { type: 'button', text: i18n.t('devices.browse.load'), 'data-testid': 'opcua-load' });
    searchButton.addEventListener('click', () => void this.search(search.value));
    search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        void this.search(search.value);
      }
    });
    loadButton.addEventListener('click', () => void this.load());
    this.element = h(
      'fieldset',
      {},
      h('legend', { text: i18n.t('devices.browse.title') }),
      h('div', { class: 'dev-row' }, loadButton, search, searchButton),
      this.tree,
      this.message,
      h('h3', { text: i18n.t('devices.browse.picked') }),
      this.picked,
    );
    for (const c of initial) this.pick({ nodeId: c.nodeId, browseName: c.key, displayName: c.name ?? c.key, nodeClass: 'Variable' }, c);
    this.renderPickedEmpty();
  }

  points(): OpcUaPointChoice[] {
    return [...this.choices.values()].map((c) => c.read());
  }

  private async browse(nodeId?: string, search?: string) {
    this.message.textContent = '';
    try {
      return await callApi(this.api, 'opcua.browse', { ...this.connect(), ...(nodeId ? { nodeId } : {}), ...(search ? { search } : {}) });
    } catch (e) {
      this.message.textContent = errorText(e, this.i18n);
      return null;
    }
  }

  private async load(): Promise<void> {
    const r = await this.browse();
    if (r) this.tree.replaceChildren(this.renderLevel(r.nodes));
  }

  private async search(text: string): Promise<void> {
    if (!text.trim()) return this.load();
    const r = await this.browse(undefined, text.trim());
    if (!r) return;
    const matches = (r.matches ?? []).filter((m) => m.node.nodeClass === 'Variable');
    this.tree.replaceChildren(
      matches.length
        ? h('ul', { role: 'group' }, ...matches.map((m) => this.renderNode(m.node, m.path.join(' / '), m.path)))
        : h('p', { class: 'dev-hint', text: this.i18n.t('devices.browse.noMatch') }),
    );
  }

  private renderLevel(nodes: readonly OpcUaBrowseNodeView[], path: readonly string[] = []): HTMLElement {
    return h('ul', { role: 'group' }, ...nodes.map((n) => this.renderNode(n, undefined, path)));
  }

  /** path: the display names above the node, clues for the medium ("Heizung / Leistung" is heat power). */
  private renderNode(node: OpcUaBrowseNodeView, label?: string, path: readonly string[] = []): HTMLElement {
    const li = h('li', { role: 'treeitem', 'data-node-id': node.nodeId });
    const about = [node.dataType, node.unit].filter((x) => x !== undefined && x !== '');
    const text = `${label ?? node.displayName}${about.length > 0 ? ` (${about.join(', ')})` : ''}`;
    if (node.nodeClass === 'Variable') {
      const box = h('input', { type: 'checkbox', 'data-testid': 'opcua-pick', checked: this.choices.has(node.nodeId) });
      box.addEventListener('change', () => (box.checked ? this.pick(node, undefined, path) : this.unpick(node.nodeId)));
      li.append(h('label', { class: 'inline' }, box, text));
      return li;
    }
    const twisty = h('button', { type: 'button', class: 'twisty', 'aria-expanded': 'false', 'aria-label': this.i18n.t('devices.browse.expand', { name: node.displayName }), text: '▸' });
    const children = h('div');
    twisty.addEventListener('click', () => {
      void (async () => {
        if (twisty.getAttribute('aria-expanded') === 'true') {
          twisty.setAttribute('aria-expanded', 'false');
          twisty.textContent = '▸';
          children.replaceChildren();
          return;
        }
        const r = await this.browse(node.nodeId);
        if (!r) return;
        twisty.setAttribute('aria-expanded', 'true');
        twisty.textContent = '▾';
        children.replaceChildren(this.renderLevel(r.nodes, [...path, node.displayName]));
      })();
    });
    li.append(twisty, ' ', text, children);
    return li;
  }

  private pick(node: OpcUaBrowseNodeView, given?: OpcUaPointChoice, path: readonly string[] = []): void {
    if (this.choices.has(node.nodeId)) return;
    const select = <T extends string>(label: string, values: readonly T[], value: T, text: (v: T) => string) => {
      const s = h('select', { 'aria-label': label });
      s.append(...values.map((v) => h('option', { value: v, text: text(v) })));
      s.value = value;
      return s;
    };
    const key = h('input', { value: given?.key ?? keyOf(node), 'aria-label': this.i18n.t('devices.browse.key'), size: 14 });
    const guess = guessPoint([node.displayName, node.browseName.replace(/^\d+:/, ''), ...path], node.unit);
    const medium = select(this.i18n.t('devices.field.medium'), MEDIA, given?.medium ?? guess.medium, (v) => this.i18n.t(`devices.medium.${v}`));
    const role = select(this.i18n.t('devices.field.role'), POINT_ROLES, given?.role ?? guess.role, (v) => this.i18n.t(`devices.role.${v}`));
    const kind = select(this.i18n.t('devices.field.kind'), POINT_KINDS, given?.kind ?? guess.kind, (v) => this.i18n.t(`devices.kind.${v}`));
    // a stored choice is the user's; a fresh pick without clear clues says it is a guess until the user changes it
    const unsure = given || guess.sure ? null : h('span', { class: 'dev-hint', 'data-testid': 'opcua-guess', text: this.i18n.t('devices.browse.guess') });
    for (const s of [medium, role]) s.addEventListener('change', () => unsure?.remove());
    const remove = h('button', { type: 'button', text: '✕', 'aria-label': this.i18n.t('devices.browse.unpick', { name: node.displayName }) });
    remove.addEventListener('click', () => this.unpick(node.nodeId));
    const row = h('div', { class: 'dev-row', 'data-node-id': node.nodeId }, h('span', { text: node.unit ? `${node.displayName} (${node.unit})` : node.displayName }), key, medium, role, kind, unsure, remove);
    this.choices.set(node.nodeId, {
      node,
      row,
      read: () => ({ nodeId: node.nodeId, key: key.value.trim(), name: node.displayName, medium: medium.value as Medium, role: role.value as PointRole, kind: kind.value as PointKind }),
    });
    this.picked.append(row);
    this.renderPickedEmpty();
  }

  private unpick(nodeId: string): void {
    this.choices.get(nodeId)?.row.remove();
    this.choices.delete(nodeId);
    for (const box of this.tree.querySelectorAll<HTMLInputElement>(`li[data-node-id="${CSS.escape(nodeId)}"] input[type=checkbox]`)) box.checked = false;
    this.renderPickedEmpty();
  }

  private renderPickedEmpty(): void {
    const empty = this.picked.querySelector('.dev-hint');
    if (this.choices.size === 0 && !empty) this.picked.append(h('p', { class: 'dev-hint', text: this.i18n.t('devices.browse.none') }));
    if (this.choices.size > 0) empty?.remove();
  }
}
