// Simulated OCPP 1.6J charge points for test/bench/assets-ocpp-lights.ts, in a process of their own so that their
// CPU is not the central system's. Raw OCPP-J frames over `ws` (no PlusTwin code): each charge point connects,
// sends a BootNotification, then one MeterValues per round (a first round that registers, then ROUNDS more) (energy register in Wh and power in W, connector 1),
// the rounds spread evenly over roundMs. Prints one JSON line when every call has its answer.
// usage: node ocpp-swarm.mjs URL COUNT ROUNDS ROUND_MS T0_MS
import WebSocket from 'ws';

const [url, countArg, roundsArg, roundMsArg, t0Arg] = process.argv.slice(2);
const count = Number(countArg);
const rounds_ = Number(roundsArg);
const roundMs = Number(roundMsArg);
const t0 = Number(t0Arg);
let answered = 0;
let errors = 0;
let nextId = 0;

function call(ws, action, payload) {
  const id = String(++nextId);
  return new Promise((resolve) => {
    const onMessage = (data) => {
      const frame = JSON.parse(data.toString());
      if (frame[1] !== id) return;
      ws.off('message', onMessage);
      if (frame[0] === 3) answered++;
      else errors++;
      resolve(frame);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify([2, id, action, payload]));
  });
}

const connect = (i) =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}CP-${i}`, 'ocpp1.6');
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });

const sockets = [];
// connect in batches of 50, as a site's charge points come up after a power cut, not all in one tick
for (let i = 0; i < count; i += 50) sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => connect(i + k)))));
await Promise.all(sockets.map((ws) => call(ws, 'BootNotification', { chargePointVendor: 'Bench', chargePointModel: 'Swarm' })));
process.stdout.write(JSON.stringify({ phase: 'booted', answered, errors }) + '\n');
const go = () => new Promise((resolve) => process.stdin.once('data', resolve));
/** Rounds [first, last) of MeterValues from every charge point, spread evenly over roundMs each. */
async function rounds(first, last) {
  const started = Date.now();
  await Promise.all(
    sockets.map(async (ws, i) => {
      for (let r = first; r < last; r++) {
        const due = started + (r - first) * roundMs + (i / count) * roundMs;
        await new Promise((res) => setTimeout(res, Math.max(0, due - Date.now())));
        const ts = new Date(t0 + (r + 1) * 60_000).toISOString();
        await call(ws, 'MeterValues', {
          connectorId: 1,
          meterValue: [
            {
              timestamp: ts,
              sampledValue: [
                { value: String(1_000_000 + i * 10 + r * 183), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
                { value: '11000', measurand: 'Power.Active.Import', unit: 'W' },
              ],
            },
          ],
        });
      }
    }),
  );
  return (Date.now() - started) / 1000;
}
// the first MeterValues of a charge point registers its points in the district; then the steady minutes
await go();
let seconds = await rounds(0, 1);
process.stdout.write(JSON.stringify({ phase: 'registered', answered, errors, seconds }) + '\n');
await go();
seconds = await rounds(1, 1 + rounds_);
process.stdout.write(JSON.stringify({ phase: 'done', answered, errors, seconds }) + '\n');
for (const ws of sockets) ws.close();
process.exit(0);
