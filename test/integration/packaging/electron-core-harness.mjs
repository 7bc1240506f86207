// Loaded with `node --import` before dist/core-process.js: plays Electron's part for the core's utility process.
// It hands the core a port as the main process does (process.parentPort, a MessagePort), then, as the desktop app
// would, waits for 'ready', exports an XLSX report, prepares the PDF report page and asks for a shutdown. Each
// step's answer is printed as one JSON line. $PLUSTWIN_SMOKE: {dataDir, days, period, xlsx}.
import { MessageChannel } from 'node:worker_threads';

const cfg = JSON.parse(process.env.PLUSTWIN_SMOKE ?? '{}');
const { port1, port2 } = new MessageChannel();
// Electron's MessagePortMain emits {data, ports}; Node's MessagePort emits the data itself
const portMain = {
  on: (event, listener) => (event === 'message' ? port2.on('message', (data) => listener({ data, ports: [] })) : port2.on(event, listener)),
  postMessage: (m) => port2.postMessage(m),
  start: () => port2.start(),
};
process.parentPort = {
  once: (_event, listener) => setImmediate(() => listener({ data: { dataDir: cfg.dataDir, demoHistoryDays: cfg.days }, ports: [portMain] })),
};

const say = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
const waiting = new Map();
let next = 0;
const control = (action) =>
  new Promise((resolve) => {
    const id = ++next;
    waiting.set(id, resolve);
    port1.postMessage({ type: 'control', id, action });
  });

port1.on('message', (m) => {
  if (m.type === 'reply') return waiting.get(m.id)?.(m.result);
  if (m.type === 'fatal') return say({ fatal: m.message });
  if (m.type === 'closed') return say({ closed: m.report });
  if (m.type !== 'ready') return;
  say({ ready: m.info });
  void (async () => {
    say({ xlsx: await control({ kind: 'export', format: 'xlsx', out: cfg.xlsx, period: cfg.period, lang: 'de' }) });
    say({ pdfPage: await control({ kind: 'prepare-pdf', period: cfg.period, lang: 'en' }) });
    port1.postMessage({ type: 'shutdown' });
  })();
});
