/**
 * Simulation engine benchmark (`npm run bench -- sim`).
 *
 * 1. A large level (>= 100,000 customers, every ticket auto-routed through 2-3 departments) run with
 *    recordEvents off: events per second (best of three runs; the first also samples the heap size).
 * 2. Baseline in the same process: the engine's own heap traffic through its own binary heap, with
 *    nothing else (hold model, gaps from a precomputed table). One push and one pop for every event the
 *    engine scheduled: the events it counts, and the customers' timers it drops unseen or sweeps out
 *    once their customer has gone (they went into the heap and out of it as well). The heap is kept at
 *    the size the engine's heap has when it takes an event (the mean over its events, not over time:
 *    a busy stretch has more events and a fuller heap). Ratio engine / baseline. (The engine keeps the
 *    customers' own timers, most of them never due, in a second heap, so its other events go through
 *    a smaller one, where an event's first new event takes its place at the top: one sift instead of a
 *    pop's and a push's. The baseline still does a pop and a push for every event scheduled, through
 *    one heap of the whole pending count.)
 * 3. A one-hour workshop-sized level, timed over repeated runs.
 * 4. Heap memory before, halfway and after the large run (finished customers are not kept).
 * 5. Timers that will never fire (issue #18): a level whose customers would wait 20 hours but are
 *    served in seconds, run for 1 hour and for 80 hours: heap memory held by the sim, peak pending
 *    events and events per customer must not grow with the length of the run.
 *
 * Engine and baseline are timed in CPU time of this process (user + system), not wall-clock time: the
 * machine is shared (six people on two cores, load averages of 15 to 30), and wall-clock time then
 * counts the moments another process had the core, which swamped the ratio (the same code measured
 * 4.6x and 9.1x an hour apart). Both sides are timed alike; the engine's figure also carries the CPU
 * time of V8's garbage-collector threads, which the baseline (allocating nothing) does not have.
 * Wall-clock figures are printed beside them.
 *
 * The sim is bundled with esbuild first (as the game ships it bundled): under tsx every cross-module
 * call goes through a getter, which would measure the loader rather than the engine. If esbuild is not
 * available the source modules are used directly and a note is printed.
 * Exits 1 if a target is missed: engine within 2.5x of the baseline, >= 2,000,000 events/s,
 * the workshop level well under 50 ms, the 80-hour run's heap within 1 MB of the 1-hour run's and its
 * events per customer within 5%.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Level, type LevelInput } from '../src/level/schema';
import type * as SimModule from '../src/sim/index';
import type * as HeapModule from '../src/sim/heap';

type Engine = typeof SimModule & typeof HeapModule;

const here = dirname(fileURLToPath(import.meta.url));
const simDir = join(here, '..', 'src', 'sim');

async function loadEngine(): Promise<{ engine: Engine; bundled: boolean; cleanup: () => void }> {
  try {
    const esbuild = await import('esbuild');
    const dir = mkdtempSync(join(tmpdir(), 'sim-bench-'));
    const out = join(dir, 'sim.mjs');
    esbuild.buildSync({
      stdin: {
        contents: `export * from './index.ts';\nexport { newHeap, heapPush, heapPop } from './heap.ts';\n`,
        resolveDir: simDir,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      outfile: out,
      logLevel: 'warning',
      external: ['zod'],
    });
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const engine = (await import(pathToFileURL(out).href)) as Engine;
    return { engine, bundled: true, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (e) {
    console.log(`note: esbuild bundling unavailable (${String(e).slice(0, 80)}); timing tsx-loaded modules`);
    const sim = await import('../src/sim/index');
    const heap = await import('../src/sim/heap');
    return { engine: { ...sim, ...heap } as Engine, bundled: false, cleanup: () => {} };
  }
}

const texts = { briefing: ['Bench.'], goal: 'Bench the engine.' };
const scoring = {
  targets: { meanResolutionSeconds: 60, p95ResolutionSeconds: 120, staffSecondsPerCustomer: 30 },
  stars: [40, 60, 80] as [number, number, number],
};

function bigLevel(): Level {
  // 600/min doubled by a surge over the whole level, arriving for 85% of 7200 s: ~122,000 customers.
  const input: LevelInput = {
    formatVersion: 1,
    id: 'bench-big',
    title: 'Bench: a busy day',
    texts,
    durationSeconds: 7200,
    departments: [
      { id: 'tier-1', name: 'Tier 1', position: { x: 10, y: 50 }, staff: 50, skills: ['triage', 'reply'], serviceTime: { triage: { kind: 'exponential', mean: 0.9 }, reply: { kind: 'exponential', mean: 0.4 } }, queueWarning: 50, queueLimit: 100 },
      { id: 'billing', name: 'Billing', position: { x: 60, y: 30 }, staff: 50, skills: ['fix'], serviceTime: { fix: { kind: 'lognormal', mean: 4, sd: 2 } }, queueWarning: 50, queueLimit: 100 },
      { id: 'it', name: 'IT', position: { x: 60, y: 70 }, staff: 40, skills: ['repair'], serviceTime: { repair: { kind: 'uniform', min: 2, max: 5 } }, queueWarning: 50, queueLimit: 100 },
    ],
    workTypes: [
      { id: 'invoice', name: 'Invoice', shape: 'circle', weight: 4, journey: [{ skill: 'triage' }, { skill: 'fix' }, { skill: 'reply' }] },
      { id: 'laptop', name: 'Laptop', shape: 'square', weight: 3, journey: [{ skill: 'triage' }, { skill: 'repair' }, { skill: 'reply' }] },
      { id: 'question', name: 'Question', shape: 'triangle', weight: 3, handoffRisk: 0.5, journey: [{ skill: 'triage' }, { skill: 'reply' }] },
    ],
    arrivals: { ratePerMinute: 600 },
    customers: { patience: { kind: 'exponential', mean: 120 } },
    handoffs: { quickReworkChance: 0.2, quickBounceChance: 0.05, quickNoteSeconds: 0.3, thoroughNoteSeconds: 1, reworkTime: 2, clarifySeconds: 1, misrouteTriageSeconds: 0.5, transferSeconds: 0.5 },
    autoRoute: 'all',
    events: [{ kind: 'surge', at: 0, factor: 2, durationSeconds: 7200 }],
    scoring,
  };
  return Level.parse(input);
}

function workshopLevel(): Level {
  return Level.parse({
    formatVersion: 1,
    id: 'bench-workshop',
    title: 'Bench: a workshop hour',
    texts,
    durationSeconds: 3600,
    departments: [
      { id: 'tier-1', name: 'Tier 1', position: { x: 10, y: 50 }, staff: 3, skills: ['triage', 'reply'], serviceTime: { triage: 25, reply: { kind: 'exponential', mean: 20 } } },
      { id: 'billing', name: 'Billing', position: { x: 60, y: 30 }, staff: 2, skills: ['fix'], serviceTime: { fix: { kind: 'lognormal', mean: 60, sd: 30 } } },
      { id: 'it', name: 'IT', position: { x: 60, y: 70 }, staff: 2, skills: ['repair'], serviceTime: { repair: { kind: 'exponential', mean: 70 } } },
    ],
    workTypes: [
      { id: 'invoice', name: 'Invoice', shape: 'circle', journey: [{ skill: 'triage' }, { skill: 'fix' }, { skill: 'reply' }] },
      { id: 'laptop', name: 'Laptop', shape: 'square', journey: [{ skill: 'triage' }, { skill: 'repair' }, { skill: 'reply' }] },
    ],
    arrivals: { ratePerMinute: 3 },
    autoRoute: 'all',
    scoring,
  } satisfies LevelInput);
}

/** One quick desk; customers would wait 20 hours (nearly every patience timer goes stale). */
function patientLevel(hours: number): Level {
  const lvl = Level.parse({
    formatVersion: 1,
    id: 'bench-patient',
    title: 'Bench: patient customers',
    texts,
    durationSeconds: 3600,
    departments: [
      { id: 'desk', name: 'Desk', position: { x: 50, y: 50 }, staff: 6, skills: ['serve'], serviceTime: { serve: { kind: 'exponential', mean: 4 } } },
    ],
    workTypes: [{ id: 'job', name: 'Job', shape: 'circle', journey: [{ skill: 'serve' }] }],
    arrivals: { ratePerMinute: 60 },
    customers: { patience: { kind: 'exponential', mean: 20 * 3600 } },
    autoRoute: 'all',
    scoring,
  } satisfies LevelInput);
  const d = hours * 3600; // past the schema's two hours on purpose: the sim has no limit
  return { ...lvl, durationSeconds: d, arrivals: { ...lvl.arrivals, stopAt: d } };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;
function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** CPU time of this process since `from` (process.cpuUsage()), in ms. */
function cpuMsSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

/** CPU ms of the bare heap loop (and its wall-clock ms). */
function baseline(E: Engine, events: number, size: number): { cpu: number; wall: number } {
  const gaps = new Float64Array(4096);
  let x = 123456789;
  for (let i = 0; i < gaps.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    gaps[i] = -Math.log(((x >>> 0) + 0.5) / 4294967296) * size;
  }
  const h = E.newHeap();
  for (let i = 0; i < size; i++) E.heapPush(h, gaps[i & 4095]!, i * 16, 0);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let acc = 0;
  for (let i = 0; i < events; i++) {
    const t = h.t[0]!;
    acc += h.c[0]! & 15;
    E.heapPop(h);
    E.heapPush(h, t + gaps[i & 4095]!, i * 16, 0);
  }
  const wall = performance.now() - t0;
  const cpu = cpuMsSince(c0);
  if (acc < 0) console.log(acc);
  return { cpu, wall };
}

async function main(): Promise<void> {
  const { engine: E, bundled, cleanup } = await loadEngine();
  let failed = false;
  const check = (ok: boolean, what: string): void => {
    console.log(`${ok ? 'ok  ' : 'MISS'} ${what}`);
    if (!ok) failed = true;
  };
  const big = bigLevel();
  // warm-up (JIT) on a shorter copy of the level
  E.createSim({ ...big, durationSeconds: 600 }, 99, { recordEvents: false, sampleEvery: 0 }).runToEnd();

  const before = heapUsed();
  const sim = E.createSim(big, 1, { recordEvents: false, sampleEvery: 0 });
  let sizeSum = 0;
  let sizeN = 0;
  let mid = 0;
  let ms = 0;
  let wallMs = 0;
  for (let t = 10; t <= big.durationSeconds; t += 10) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    sim.advanceTo(t);
    wallMs += performance.now() - t0;
    ms += cpuMsSince(c0);
    sizeSum += sim.pendingEvents();
    sizeN++;
    if (t === big.durationSeconds / 2) mid = heapUsed();
  }
  const after = heapUsed();
  const m = sim.metrics();
  const events = m.events;
  const meanSizeOverTime = Math.max(1, Math.round(sizeSum / sizeN));
  // The heap traffic the engine really has: every event it scheduled (the heap's sequence number is
  // one per push), and the heap's size as each event is taken (stepped one event at a time, untimed).
  const scheduled = (sim.snapshot().state as { heap: { seq: number } }).heap.seq;
  const stepped = E.createSim(big, 1, { recordEvents: false, sampleEvery: 0 });
  let atEventSum = 0;
  let atEventN = 0;
  for (;;) {
    const n = stepped.pendingEvents();
    if (!stepped.step()) break;
    atEventSum += n;
    atEventN++;
  }
  if (atEventN !== events) throw new Error(`stepping gave ${atEventN} events, the run ${events}`);
  const meanSize = Math.max(1, Math.round(atEventSum / atEventN));
  // best of three (the machine may be shared): two more timed runs of the same level and seed
  for (let r = 0; r < 2; r++) {
    const again = E.createSim(big, 1, { recordEvents: false, sampleEvery: 0 });
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    again.runToEnd();
    wallMs = Math.min(wallMs, performance.now() - t0);
    ms = Math.min(ms, cpuMsSince(c0));
    if (again.metrics().events !== events) throw new Error('same seed, different run');
  }
  const evps = (events / ms) * 1000;
  console.log(`engine: ${bundled ? 'esbuild bundle' : 'tsx modules'}`);
  console.log(`big level: ${m.customers.arrived} customers (${m.customers.resolved} resolved, ${m.customers.abandoned} abandoned), ${events} events in ${ms.toFixed(0)} ms of CPU (${wallMs.toFixed(0)} ms wall-clock)`);
  console.log(`  ${(evps / 1e6).toFixed(2)} M events/s; ${scheduled} events scheduled (${scheduled - events} of them customers' timers left stale)`);
  console.log(`  pending events: ${meanSize} on average as the engine takes an event (${meanSizeOverTime} on average over time)`);
  const baseRuns = [0, 1, 2].map(() => baseline(E, scheduled, meanSize));
  const base = Math.min(...baseRuns.map((r) => r.cpu));
  const baseWall = Math.min(...baseRuns.map((r) => r.wall));
  const ratio = ms / base;
  console.log(`baseline heap push+pop x ${scheduled} at ${meanSize} pending: ${base.toFixed(0)} ms of CPU (${baseWall.toFixed(0)} ms wall-clock); engine/baseline = ${ratio.toFixed(2)}x (wall-clock ${(wallMs / baseWall).toFixed(2)}x)`);
  console.log(`heap used: before ${mb(before)}, halfway ${mb(mid)}, after ${mb(after)} (sim still alive)`);

  if (bundled) {
    // for reference only: the same run through tsx-loaded modules (cross-module calls via getters)
    const plain = await import('../src/sim/index');
    const t0 = performance.now();
    const p = plain.createSim(big, 1, { recordEvents: false, sampleEvery: 0 });
    p.runToEnd();
    const pms = performance.now() - t0;
    console.log(`  (unbundled tsx modules, for reference: ${((p.metrics().events / pms) * 1000 / 1e6).toFixed(2)} M events/s)`);
  }

  const ws = workshopLevel();
  E.createSim(ws, 0, { recordEvents: false }).runToEnd();
  const runs = 20;
  let wsMs = Infinity;
  let wsEvents = 0;
  let wsCustomers = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const s = E.createSim(ws, i + 1, { recordEvents: false });
    s.runToEnd();
    const dt = performance.now() - t0;
    wsMs = Math.min(wsMs, dt);
    wsEvents = s.metrics().events;
    wsCustomers = s.metrics().customers.arrived;
  }
  const t0 = performance.now();
  const rec = E.createSim(ws, 1, { recordEvents: true });
  rec.runToEnd();
  const recMs = performance.now() - t0;
  console.log(`workshop hour: ${wsCustomers} customers, ${wsEvents} events, best of ${runs}: ${wsMs.toFixed(2)} ms (with events recorded: ${recMs.toFixed(2)} ms)`);

  // Timers that will never fire: the same level run for 1 and for 80 hours.
  const longRun = (hours: number) => {
    const lv = patientLevel(hours);
    const h0 = heapUsed();
    const sim = E.createSim(lv, 5, { recordEvents: false, sampleEvery: 0 });
    let peak = 0;
    let heapPeak = 0;
    for (let t = 60; t <= lv.durationSeconds; t += 60) {
      sim.advanceTo(t);
      peak = Math.max(peak, sim.pendingEvents());
      if (t % 36000 === 0 || t === lv.durationSeconds) heapPeak = Math.max(heapPeak, heapUsed() - h0);
    }
    return { hours, peak, heap: heapPeak, events: sim.metrics().events, customers: sim.metrics().customers.arrived };
  };
  const one = longRun(1);
  const eighty = longRun(80);
  for (const r of [one, eighty]) {
    console.log(
      `patient customers, ${String(r.hours).padStart(2)} h: ${r.customers} customers, ${(r.events / r.hours).toFixed(0)} events an hour (${(r.events / r.customers).toFixed(3)} a customer), ` +
        `peak pending events ${r.peak}, heap held by the sim ${mb(r.heap)}`,
    );
  }
  // Per customer: arrivals are random, so the hours do not bring quite the same number of customers.
  const perCustomer = eighty.events / eighty.customers / (one.events / one.customers);
  console.log(`  80 h / 1 h: events a customer ${perCustomer.toFixed(3)}x, peak pending ${(eighty.peak / one.peak).toFixed(2)}x, heap ${mb(eighty.heap - one.heap)} more`);

  check(m.customers.arrived >= 100_000, `large level has >= 100,000 customers (${m.customers.arrived})`);
  check(ratio <= 2.5, `engine within 2.5x of the bare heap (${ratio.toFixed(2)}x)`);
  check(evps >= 2_000_000, `>= 2,000,000 events/s (${(evps / 1e6).toFixed(2)} M)`);
  check(wsMs < 25, `workshop hour well under 50 ms (${wsMs.toFixed(2)} ms)`);
  check(eighty.heap - one.heap < 1048576, `80-hour run holds no more heap than a 1-hour run (${mb(eighty.heap - one.heap)} more)`);
  check(perCustomer <= 1.05, `80-hour run has no more events a customer than a 1-hour run (${perCustomer.toFixed(3)}x)`);
  check(after - before < 20 * 1048576, `memory stays flat (${mb(after - before)} growth after ${m.customers.arrived} customers)`);
  cleanup();
  if (failed) process.exit(1);
}

void main();
