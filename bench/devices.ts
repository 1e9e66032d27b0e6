// Reader benchmarks (issue 3): pty write → card event latency beside a bare serialport
// DelimiterParser on the same socat pty pair in the same run, and frames decoded per second per
// framer beside DelimiterParser splitting the same bytes.
import { closeSync, openSync, writeSync } from 'node:fs';
import { DelimiterParser, SerialPort } from 'serialport';
import { SocatPtyPair } from '../test/support/devicesPty.js';
import { checkReaderConfig } from '../src/devices/readerConfig.js';
import { SerialCardSource } from '../src/devices/serialCardSource.js';
import { READER_PRESETS, type PresetName } from '../src/devices/readerPresets.js';
import { simulatedFrame } from '../src/devices/simulatedFrames.js';
import { compilePipeline, runPipeline } from '../src/devices/pipeline.js';
import { emit as printLine, percentile, ratio } from './benchStats.js';

type Emit = (line: { readonly bench: string } & Record<string, unknown>) => void;

const ROUNDS = 4;
const SAMPLES = 100;
const WARMUP = 20;

function frameFor(preset: PresetName, i: number): Buffer {
  const id = (0x0100000000 + i).toString(16).toUpperCase().padStart(10, '0');
  const card = preset === 'rdm6300' ? id : id.slice(2);
  const frame = simulatedFrame(preset, card);
  if (!frame.ok) throw new Error(frame.error);
  return Buffer.from(frame.value);
}

function latencySummary(samplesMs: number[]) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const us = (ms: number) => Math.round(ms * 1000);
  return { medianUs: us(percentile(sorted, 50)), p99Us: us(percentile(sorted, 99)), samples: sorted.length };
}

/** Writes one frame at a time and waits for its event; `arm` returns a promise of the next event. */
async function measure(fd: number, preset: PresetName, arm: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const frame = frameFor(preset, i);
    const event = arm();
    const start = performance.now();
    writeSync(fd, frame);
    await event;
    if (i >= WARMUP) samples.push(performance.now() - start);
  }
  return samples;
}

async function subjectLatency(pair: SocatPtyPair, fd: number, preset: PresetName): Promise<number[]> {
  const checked = checkReaderConfig({ preset, path: pair.appPath, debounceMs: 0 });
  if (!checked.ok) throw new Error(checked.error);
  const source = new SerialCardSource(checked.value);
  let resolveCard: (() => void) | undefined;
  source.on('card', () => resolveCard?.());
  const connected = new Promise<void>((resolve) => source.on('status', (e) => e.status === 'connected' && resolve()));
  source.start();
  await connected;
  try {
    return await measure(fd, preset, () => new Promise<void>((resolve) => (resolveCard = resolve)));
  } finally {
    await source.stop();
  }
}

async function baselineLatency(pair: SocatPtyPair, fd: number, preset: PresetName): Promise<number[]> {
  const port = new SerialPort({ path: pair.appPath, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  const parser = port.pipe(new DelimiterParser({ delimiter: preset === 'rdm6300' ? [0x03] : '\r' }));
  let resolveFrame: (() => void) | undefined;
  parser.on('data', () => resolveFrame?.());
  try {
    return await measure(fd, preset, () => new Promise<void>((resolve) => (resolveFrame = resolve)));
  } finally {
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}

async function latencyBench(emit: Emit): Promise<void> {
  const pair = await SocatPtyPair.start();
  const fd = openSync(pair.readerPath, 'w');
  try {
    for (const preset of ['rdm6300', 'twn4-cdc'] as PresetName[]) {
      // Alternating rounds, so a burst of load from other processes hits both paths alike.
      const subjectSamples: number[] = [];
      const baselineSamples: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        subjectSamples.push(...(await subjectLatency(pair, fd, preset)));
        baselineSamples.push(...(await baselineLatency(pair, fd, preset)));
      }
      const subject = latencySummary(subjectSamples);
      const baseline = latencySummary(baselineSamples);
      const ratioMedian = ratio(subject.medianUs, baseline.medianUs);
      emit({
        bench: 'devices.pty-write-to-card', preset, ...subject,
        baseline: 'serialport DelimiterParser, same pty pair', baselineMedianUs: baseline.medianUs, baselineP99Us: baseline.p99Us,
        ratioMedian, ratioP99: ratio(subject.p99Us, baseline.p99Us),
        goal: 'median ≤ 2× baseline, p99 ≤ 5 ms', met: ratioMedian <= 2 && subject.p99Us <= 5000,
      });
    }
  } finally {
    closeSync(fd);
    await pair.dispose();
  }
}

/** Frames per second through a framer, pushing the stream in 64-byte reads as a serial port would deliver it. */
function framesPerSecond(stream: Buffer, frames: number, push: (chunk: Buffer) => number): number {
  const start = performance.now();
  let seen = 0;
  for (let offset = 0; offset < stream.length; offset += 64) seen += push(stream.subarray(offset, offset + 64));
  const seconds = (performance.now() - start) / 1000;
  if (seen !== frames) throw new Error(`decoded ${seen} of ${frames} frames`);
  return Math.round(frames / seconds);
}

function hidReports(frames: number): Buffer {
  const release = [0, 0, 0, 0, 0, 0, 0, 0];
  const reports: number[] = [];
  for (let i = 0; i < frames; i++) {
    for (const digit of String(1_000_000 + i)) reports.push(0, 0, digit === '0' ? 0x27 : 0x1d + Number(digit), 0, 0, 0, 0, 0, ...release);
    reports.push(0, 0, 0x28, 0, 0, 0, 0, 0, ...release);
  }
  return Buffer.from(reports);
}

function throughputBench(emit: Emit): void {
  const FRAMES = 20_000;
  for (const [preset, pass] of (['rdm6300', 'twn4-cdc', 'line', 'hid-keyboard'] as PresetName[]).flatMap((p) => [[p, 'warm-up'], [p, 'measure']] as const)) {
    const stream = preset === 'hid-keyboard' ? hidReports(FRAMES) : Buffer.concat(Array.from({ length: FRAMES }, (_, i) => frameFor(preset, i)));
    const framer = READER_PRESETS[preset].createFramer(preset === 'hid-keyboard' ? { reportSize: 8 } : {});
    const subject = framesPerSecond(stream, FRAMES, (chunk) => framer.push(chunk, 0).filter((o) => o.kind === 'record').length);
    const line: Record<string, unknown> = { bench: 'devices.framer-throughput', preset, framesPerSecond: subject, frames: FRAMES };
    if (preset !== 'hid-keyboard') {
      // The raw library splitting the same bytes on the frame end, without validating anything.
      const parser = new DelimiterParser({ delimiter: preset === 'rdm6300' ? [0x03] : '\r' });
      let count = 0;
      parser.on('data', () => count++);
      const baseline = framesPerSecond(stream, FRAMES, (chunk) => {
        const before = count;
        parser.write(chunk);
        return count - before;
      });
      Object.assign(line, { baseline: 'serialport DelimiterParser, same bytes', baselineFramesPerSecond: baseline, ratio: ratio(subject, baseline) });
    } else {
      line.baseline = 'none: no library decodes HID boot reports';
    }
    if (pass === 'measure') emit(line as { bench: string });
  }
  const pipeline = compilePipeline('reverse-bytes|hex2dec|pad:10');
  if (!pipeline.ok) throw new Error(pipeline.error.message);
  const values = Array.from({ length: 50_000 }, (_, i) => (0x26defae7 + i).toString(16).toUpperCase().padStart(8, '0'));
  const time = (fn: (v: string) => string) => {
    const start = performance.now();
    for (const v of values) fn(v);
    return Math.round(values.length / ((performance.now() - start) / 1000));
  };
  const viaPipeline = (v: string) => (runPipeline(pipeline.value, v) as { value: string }).value;
  const byHand = (v: string) => BigInt('0x' + (v.match(/../g) ?? []).reverse().join('')).toString(10).padStart(10, '0');
  time(viaPipeline);
  time(byHand);
  const subject = time(viaPipeline);
  const baseline = time(byHand);
  emit({
    bench: 'devices.pipeline', pipeline: pipeline.value.text, conversionsPerSecond: subject,
    baseline: 'the same conversion hand-written with BigInt', baselineConversionsPerSecond: baseline, ratio: ratio(subject, baseline),
  });
}

/** Called by bench/index.ts; `emit` prints one JSON object per line. */
export async function runDevicesBench(emit: Emit = printLine): Promise<void> {
  throughputBench(emit);
  await latencyBench(emit);
}
