/**
 * A second thread that deflates a rewritten part's stretches while the main thread makes the
 * text of the next ones: on a large plan deflating is as much work as making the sheet's XML,
 * and a machine has more than one core.
 *
 * The stretches travel through a small ring of shared buffers, so that no stretch needs memory
 * of its own (fresh memory costs page faults that would eat the gain). The main thread never
 * waits for the helper: when no slot is free, or the helper has not started yet, it deflates the
 * stretch itself. Each stretch is a deflate stream of its own ending in a sync flush (see
 * `PartDeflater`), so who deflated which does not change a byte of the result.
 */
import { Worker } from "worker_threads";

/** Largest stretch a slot holds, in bytes (`PartDeflater` fills at most this much). */
export const SLOT_BYTES = 3 << 19;
const SLOTS = 3;
const READY = 0;
const STOP = 1;
/** Each slot's words in the control array: its state (0 free, 1 handed), length, flush mode and ticket. */
const stateOf = (slot: number): number => 2 + 4 * slot;

/** The helper's side, run as a script of its own (no TypeScript, no loader): wait, deflate, send back. */
const HELPER_SCRIPT = `
const { workerData, parentPort } = require("worker_threads");
const zlib = require("zlib");
const { control, ring, slots, slotBytes, level } = workerData;
const ctl = new Int32Array(control);
const bytes = Buffer.from(ring);
// Touch every page of the ring here, on this thread's core, so that the main thread's first
// writes into it do not fault.
for (let i = 0; i < bytes.length; i += 4096) bytes[i] = 0;
Atomics.store(ctl, ${READY}, 1);
function serve() {
  for (let slot = 0; ; slot = (slot + 1) % slots) {
    const state = 2 + 4 * slot;
    while (Atomics.load(ctl, state) !== 1) {
      if (Atomics.load(ctl, ${STOP}) === 1) return;
      Atomics.wait(ctl, state, 0);
    }
    const start = slot * slotBytes;
    const out = zlib.deflateRawSync(bytes.subarray(start, start + ctl[state + 1]), { level, finishFlush: ctl[state + 2] });
    const ticket = ctl[state + 3];
    Atomics.store(ctl, state, 0);
    // A copy that owns its memory, handed over rather than copied again.
    const own = new Uint8Array(out);
    parentPort.postMessage({ ticket, bytes: own }, [own.buffer]);
  }
}
serve();
`;

export class DeflateHelper {
  private readonly control: Int32Array;
  private readonly ring: Buffer;
  private readonly worker: Worker;
  private readonly done = new Map<number, Buffer>();
  private next = 0;
  private tickets = 0;
  private received = 0;
  private failure: Error | undefined;
  private closed = false;
  private waiting: (() => void) | undefined;

  /**
   * Starts the helper thread; it takes a few dozen milliseconds to be ready, on its own core.
   * @param level zlib's level for every stretch
   * @returns the helper, or nothing where no thread can be started
   */
  static start(level: number): DeflateHelper | undefined {
    try {
      return new DeflateHelper(level);
    } catch {
      return undefined;
    }
  }

  private constructor(level: number) {
    this.control = new Int32Array(new SharedArrayBuffer(4 * stateOf(SLOTS)));
    const ring = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
    this.ring = Buffer.from(ring);
    this.worker = new Worker(HELPER_SCRIPT, {
      eval: true,
      workerData: { control: this.control.buffer, ring, slots: SLOTS, slotBytes: SLOT_BYTES, level },
    });
    this.worker.on("message", ({ ticket, bytes }: { ticket: number; bytes: Uint8Array }) => {
      this.done.set(ticket, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      this.received++;
      this.settle();
    });
    this.worker.on("error", (error) => {
      this.failure = error;
      this.settle();
    });
    this.worker.on("exit", () => {
      this.failure ??= new Error("the deflating thread stopped");
      this.settle();
    });
    // A run that never hands it anything does not wait for it to end.
    this.worker.unref();
  }

  /** The slot to write the next stretch into, or nothing when the helper is not ready or busy. */
  take(): Buffer | undefined {
    if (this.closed || this.failure || Atomics.load(this.control, READY) !== 1) return undefined;
    if (Atomics.load(this.control, stateOf(this.next)) !== 0) return undefined;
    return this.ring.subarray(this.next * SLOT_BYTES, (this.next + 1) * SLOT_BYTES);
  }

  /**
   * Hands over the slot `take` gave, holding `length` bytes.
   * @param mode the zlib flush that ends the stretch
   * @returns the ticket its deflated bytes come back under
   */
  hand(length: number, mode: number): number {
    const state = stateOf(this.next);
    const ticket = this.tickets++;
    this.control[state + 1] = length;
    this.control[state + 2] = mode;
    this.control[state + 3] = ticket;
    Atomics.store(this.control, state, 1);
    Atomics.notify(this.control, state);
    this.next = (this.next + 1) % SLOTS;
    return ticket;
  }

  /** The deflated bytes of a ticket, once every ticket handed so far is back. */
  async collect(ticket: number): Promise<Buffer> {
    if (this.received < this.tickets && !this.failure) {
      this.worker.ref();
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.worker.unref();
    }
    const bytes = this.done.get(ticket);
    if (!bytes) throw this.failure ?? new Error(`stretch ${ticket} was never deflated`);
    this.done.delete(ticket);
    return bytes;
  }

  private settle(): void {
    if (this.waiting && (this.failure || this.received >= this.tickets)) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve();
    }
  }

  /** How many stretches were handed over so far. */
  get handedOver(): number {
    return this.tickets;
  }

  /** Ends the helper thread; stretches not yet collected are lost. */
  close(): void {
    this.closed = true;
    Atomics.store(this.control, STOP, 1);
    for (let slot = 0; slot < SLOTS; slot++) Atomics.notify(this.control, stateOf(slot));
    void this.worker.terminate();
  }
}
