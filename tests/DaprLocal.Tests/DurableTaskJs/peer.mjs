// An independent peer for DaprLocal's workflow engine: Dapr's JavaScript durable-task worker and
// client (a different language and codebase from our C# SDK) run real workflows against a sidecar.
// Usage: node peer.mjs <host:grpcPort>. Prints one "ok"/"not ok" line per scenario and a summary;
// exits non-zero when a scenario fails. The package logs chattily to stdout, so the test runner
// reads only the lines this script prints with the "peer:" prefix.
import { TaskHubGrpcClient, TaskHubGrpcWorker } from "@dapr/durabletask-js";
import { whenAll, whenAny } from "@dapr/durabletask-js/task/index.js";

const address = process.argv[2];
if (!address) {
  console.error("usage: node peer.mjs <host:grpcPort>");
  process.exit(2);
}

const Status = { RUNNING: 0, COMPLETED: 1, FAILED: 3, TERMINATED: 5, SUSPENDED: 7 };
const waitSeconds = 30;

// ---- activities ---------------------------------------------------------------------------------
const greet = async (_, city) => `Hello, ${city}!`;
const double = async (_, n) => n * 2;
const charge = async (_, amount) => {
  throw new Error(`card declined for ${amount}`);
};
const refund = async (_, amount) => `refunded ${amount}`;

// ---- workflows (generators that yield durable tasks) --------------------------------------------
const inSeconds = (ctx, seconds) => new Date(ctx.currentUtcDateTime.getTime() + seconds * 1000);

async function* chaining(ctx) {
  const results = [];
  for (const city of ["Tokyo", "Seattle", "London"]) {
    results.push(yield ctx.callActivity("greet", city));
  }
  return results;
}

async function* fanOutFanIn(ctx, count) {
  const doubled = yield whenAll(Array.from({ length: count }, (_, i) => ctx.callActivity("double", i + 1)));
  return doubled.reduce((sum, n) => sum + n, 0);
}

async function* compensation(ctx, amount) {
  try {
    yield ctx.callActivity("charge", amount);
    return "charged";
  } catch {
    return yield ctx.callActivity("refund", amount);
  }
}

async function* approval(ctx, timeoutSeconds) {
  ctx.setCustomStatus("awaiting approval");
  const event = ctx.waitForExternalEvent("Approval");
  const winner = yield whenAny([event, ctx.createTimer(inSeconds(ctx, timeoutSeconds))]);
  return winner === event ? { approved: event.getResult() } : "timed out";
}

async function* child(ctx, n) {
  return (yield ctx.callActivity("double", n)) + 1;
}

async function* parent(ctx, n) {
  return yield ctx.callSubOrchestrator("child", n);
}

async function* counter(ctx, n) {
  if (n < 3) {
    ctx.continueAsNew(n + 1, false);
    return;
  }
  return n;
}

async function* waitsForever(ctx) {
  return yield ctx.waitForExternalEvent("never");
}

async function* sleeper(ctx) {
  yield ctx.createTimer(inSeconds(ctx, 1));
  return "woke up";
}

// ---- scenarios ----------------------------------------------------------------------------------
const worker = new TaskHubGrpcWorker(address);
for (const [name, fn] of Object.entries({ chaining, fanOutFanIn, compensation, approval, child, parent, counter, waitsForever, sleeper })) {
  worker.addNamedOrchestrator(name, fn);
}
for (const [name, fn] of Object.entries({ greet, double, charge, refund })) {
  worker.addNamedActivity(name, fn);
}
const client = new TaskHubGrpcClient(address);

const completed = async (id) => {
  const state = await client.waitForOrchestrationCompletion(id, true, waitSeconds);
  if (!state) throw new Error(`instance ${id} not found`);
  return state;
};
const expectOutput = (state, status, output) => {
  if (state.runtimeStatus !== status) {
    throw new Error(`status ${state.runtimeStatus}, expected ${status} (failure: ${state.failureDetails?.message ?? "none"})`);
  }
  const actual = state.serializedOutput === undefined ? undefined : JSON.parse(state.serializedOutput);
  if (JSON.stringify(actual) !== JSON.stringify(output)) {
    throw new Error(`output ${state.serializedOutput}, expected ${JSON.stringify(output)}`);
  }
};

const scenarios = {
  "activity chaining": async () =>
    expectOutput(await completed(await client.scheduleNewOrchestration("chaining")), Status.COMPLETED, ["Hello, Tokyo!", "Hello, Seattle!", "Hello, London!"]),
  "fan-out/fan-in": async () =>
    expectOutput(await completed(await client.scheduleNewOrchestration("fanOutFanIn", 10)), Status.COMPLETED, 110),
  "compensation after a failed activity": async () =>
    expectOutput(await completed(await client.scheduleNewOrchestration("compensation", 42)), Status.COMPLETED, "refunded 42"),
  "external event before the timeout, name in another case": async () => {
    const id = await client.scheduleNewOrchestration("approval", 30);
    await client.waitForOrchestrationStart(id, true, waitSeconds);
    const running = await client.getOrchestrationState(id, true);
    // This package sends its custom status as the raw string, not as JSON.
    if (running.serializedCustomStatus !== "awaiting approval") {
      throw new Error(`custom status ${running.serializedCustomStatus}`);
    }
    await client.raiseOrchestrationEvent(id, "APPROVAL", { by: "ops" });
    expectOutput(await completed(id), Status.COMPLETED, { approved: { by: "ops" } });
  },
  "external event timeout": async () =>
    expectOutput(await completed(await client.scheduleNewOrchestration("approval", 1)), Status.COMPLETED, "timed out"),
  "durable timer": async () =>
    expectOutput(await completed(await client.scheduleNewOrchestration("sleeper")), Status.COMPLETED, "woke up"),
  "child workflow": async () =>
    expectOutput(await completed(await client.scheduleNewOrchestration("parent", 20)), Status.COMPLETED, 41),
  "continue as new": async () =>
    expectOutput(await completed(await client.scheduleNewOrchestration("counter", 0)), Status.COMPLETED, 3),
  "suspend, resume, terminate": async () => {
    const id = await client.scheduleNewOrchestration("waitsForever");
    await client.waitForOrchestrationStart(id, false, waitSeconds);
    await client.suspendOrchestration(id);
    await until(async () => (await client.getOrchestrationState(id)).runtimeStatus === Status.SUSPENDED, "suspended");
    await client.resumeOrchestration(id);
    await until(async () => (await client.getOrchestrationState(id)).runtimeStatus === Status.RUNNING, "running again");
    await client.terminateOrchestration(id, "stopped by the peer");
    expectOutput(await completed(id), Status.TERMINATED, "stopped by the peer");
  },
  "purge": async () => {
    const id = await client.scheduleNewOrchestration("chaining");
    await completed(id);
    const purged = await client.purgeOrchestration(id);
    if (purged?.deletedInstanceCount !== 1) throw new Error(`purged ${purged?.deletedInstanceCount}`);
    if ((await client.getOrchestrationState(id)) !== undefined) throw new Error("still there after purge");
  },
};

async function until(condition, what) {
  const deadline = Date.now() + waitSeconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`never ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

await worker.start();
let passed = 0;
let failed = 0;
for (const [name, run] of Object.entries(scenarios)) {
  try {
    await run();
    passed++;
    console.log(`peer: ok - ${name}`);
  } catch (error) {
    failed++;
    console.log(`peer: not ok - ${name}: ${error?.message ?? error}`);
  }
}
console.log(`peer: ${passed} passed, ${failed} failed`);
await worker.stop();
await client.stop();
process.exit(failed === 0 ? 0 : 1);
