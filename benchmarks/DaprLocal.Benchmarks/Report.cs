namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// The printed result: one table line per latency figure (DaprLocal, direct, the difference, the
/// difference per sidecar hop, the ratio, the per-hop target), one per memory figure, and a final
/// summary line with every target met or missed.
/// </summary>
internal sealed class Report(BenchmarkOptions options)
{
    /// <summary>The issue's targets: what DaprLocal may add per sidecar hop at 1,000 ops/s, and what 12 idle sidecars may take.</summary>
    public const double P50PerHopLimitMs = 0.3;
    public const double P99PerHopLimitMs = 1.5;
    public const double RunnerWorkingSetLimitMiB = 150;

    /// <summary>The issue's actor targets: calls spread across actors, through the sidecar's HTTP actor API.</summary>
    public const double ActorCallsPerSecondMinimum = 5000;
    public const double ActorP99LimitMs = 10;

    /// <summary>The issue's workflow target: five-activity workflows completed per second (Dapr publishes 28–98).</summary>
    public const double WorkflowsPerSecondMinimum = 100;

    private const double MiB = 1024 * 1024;
    private readonly List<PairResult> _pairs = [];
    private readonly List<TargetCheck> _checks = [];
    private readonly List<ActorScenarioResult> _actors = [];
    private readonly List<WorkflowScenarioResult> _workflows = [];
    private IdleMemoryResult? _idle;
    private RunnerMemoryResult? _runner;

    public void Add(PairResult pair) => _pairs.Add(pair);

    public void Add(IdleMemoryResult idle) => _idle = idle;

    public void Add(RunnerMemoryResult runner) => _runner = runner;

    public void Add(ActorScenarioResult actors) => _actors.Add(actors);

    public void Add(WorkflowScenarioResult level) => _workflows.Add(level);

    public void Print(TextWriter output, string machineLoad)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_pairs.Count > 0)
        {
            PrintLatencies(output);
        }
        if (_idle is not null || _runner is not null)
        {
            PrintMemory(output);
        }
        if (_actors.Count > 0)
        {
            PrintActors(output);
        }
        if (_workflows.Count > 0)
        {
            PrintWorkflows(output);
        }
        output.WriteLine();
        output.WriteLine($"At the end: {machineLoad}.");
        var missed = _checks.Where(check => !check.Met).ToList();
        output.WriteLine(
            $"SUMMARY: {_checks.Count - missed.Count}/{_checks.Count} targets met" +
            (_pairs.Count == 0 ? "" : $" at {options.Rate} ops/s ({options.Duration.TotalSeconds:0.#} s measured per variant in {options.Rounds} alternating rounds)") +
            (_actors.Count == 0 ? "" : $" (actors: closed loop, {options.ActorCallers} callers, {options.Duration.TotalSeconds:0.#} s measured per scenario)") +
            (missed.Count == 0 ? "." : $"; MISS: {string.Join("; ", missed.Select(check => check.Describe()))}."));
    }

    private void PrintLatencies(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Latency at {options.Rate} ops/s, open loop, from scheduled start; medians of per-round p50/p99, max over all rounds (ms)");
        output.WriteLine($"{"metric",-22} {"DaprLocal",10} {"direct",10} {"added",10} {"hops",4} {"added/hop",10} {"ratio",8} {"target/hop",11} {"result",6}");
        foreach (var pair in _pairs)
        {
            Line(output, pair, "p50", pair.DaprLocal.P50Ms, pair.Direct.P50Ms, P50PerHopLimitMs);
            Line(output, pair, "p99", pair.DaprLocal.P99Ms, pair.Direct.P99Ms, P99PerHopLimitMs);
            Line(output, pair, "max", pair.DaprLocal.MaxMs, pair.Direct.MaxMs, null);
        }
        output.WriteLine(
            "  Below, via DaprLocal / direct. Scheduler lateness: how late this harness itself issued requests (part of both " +
            "variants' latency; well above 0.1 ms means the cores were contended). Process CPU: client, sidecars and app of this process.");
        foreach (var pair in _pairs)
        {
            output.WriteLine(
                $"  {pair.Name}: {pair.DaprLocal.Count} ops per variant; failed {pair.DaprLocal.Failures} via DaprLocal, {pair.Direct.Failures} direct; " +
                $"scheduler lateness p99 {pair.DaprLocal.LatenessP99Ms:0.000} / {pair.Direct.LatenessP99Ms:0.000} ms; " +
                $"process CPU {pair.DaprLocal.CpuPerOperationUs:0} / {pair.Direct.CpuPerOperationUs:0} µs per op; " +
                $"GCs {pair.DaprLocal.Collections} / {pair.Direct.Collections} ({pair.DaprLocal.GcPauseMs:0.0} / {pair.Direct.GcPauseMs:0.0} ms paused)" +
                ((pair.DaprLocal.FirstFailure ?? pair.Direct.FirstFailure) is { } failure ? $"; first failure: {failure}" : ""));
        }
    }

    private void Line(TextWriter output, PairResult pair, string statistic, double daprLocal, double direct, double? limit)
    {
        var added = daprLocal - direct;
        var perHop = added / pair.Hops;
        var target = "";
        var result = "";
        if (limit is { } perHopLimit)
        {
            var check = new TargetCheck($"{pair.Name} {statistic} added/hop", perHop, perHopLimit, "ms");
            _checks.Add(check);
            target = $"<= {perHopLimit:0.00}";
            result = check.Result;
        }
        output.WriteLine(
            $"{pair.Name + " " + statistic,-22} {daprLocal,10:0.000} {direct,10:0.000} {added,10:+0.000;-0.000} {pair.Hops,4} {perHop,10:+0.000;-0.000} " +
            $"{daprLocal / direct,7:0.00}x {target,11} {result,6}");
    }

    private void PrintActors(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Actor method calls through the sidecar's HTTP actor API (PUT .../method/IncrementAsync, JSON body, state.in-memory actor store), closed loop");
        output.WriteLine($"{"metric",-30} {"value",10} {"target",10} {"result",6}");
        foreach (var scenario in _actors)
        {
            var run = scenario.Run;
            var summary = run.Summary;
            ActorLine(output, $"{scenario.Name} calls/s", run.PerSecond, "0",
                scenario.HasTarget ? new TargetCheck($"{scenario.Name} calls/s", run.PerSecond, ActorCallsPerSecondMinimum, "calls/s", AtLeast: true) : null);
            ActorLine(output, $"{scenario.Name} p50 (ms)", summary.P50Ms, "0.000", null);
            ActorLine(output, $"{scenario.Name} p99 (ms)", summary.P99Ms, "0.000",
                scenario.HasTarget ? new TargetCheck($"{scenario.Name} p99", summary.P99Ms, ActorP99LimitMs, "ms") : null);
            ActorLine(output, $"{scenario.Name} max (ms)", summary.MaxMs, "0.000", null);
        }
        output.WriteLine("  The hot-id scenario has no target: turn-based concurrency runs one call at a time per actor id.");
        foreach (var scenario in _actors)
        {
            var summary = scenario.Run.Summary;
            output.WriteLine(
                $"  {scenario.Name}: {scenario.Callers} callers over {scenario.ActorIds} id(s), {summary.Count} calls in {scenario.Run.Elapsed.TotalSeconds:0.0} s; " +
                $"failed {summary.Failures}; process CPU {summary.CpuPerOperationUs:0} µs per call; " +
                $"GCs {summary.Cost.Collections} ({summary.Cost.GcPause.TotalMilliseconds:0.0} ms paused)" +
                (summary.FirstFailure is { } failure ? $"; first failure: {failure}" : "") +
                (scenario.Note is { } note ? $"; {note}" : ""));
        }
    }

    private void PrintWorkflows(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Dapr Workflow: five-activity workflows through the SDK and the sidecar's engine (state.sqlite actor store), closed loop;");
        output.WriteLine("baseline of the same run: the persistence floor, six two-key state transactions per workflow through the same sidecar and store");
        output.WriteLine($"{"in flight",9} {"workflows/s",12} {"p50 (ms)",10} {"p99 (ms)",10} {"floor/s",10} {"share",7} {"failed",8}");
        foreach (var level in _workflows)
        {
            var run = level.Workflows;
            output.WriteLine(
                $"{level.Concurrency,9} {run.PerSecond,12:0.0} {run.Summary.P50Ms,10:0.00} {run.Summary.P99Ms,10:0.00} {level.Floor.PerSecond,10:0.0} " +
                $"{level.ShareOfFloor,7:0.00} {run.Summary.Failures,8}" + (run.Summary.FirstFailure is { } failure ? $"  first failure: {failure}" : ""));
        }
        var best = _workflows.MaxBy(level => level.Workflows.PerSecond)!;
        var check = new TargetCheck($"workflows/s (best, {best.Concurrency} in flight)", best.Workflows.PerSecond, WorkflowsPerSecondMinimum, "workflows/s", AtLeast: true);
        _checks.Add(check);
        output.WriteLine($"  best {best.Workflows.PerSecond:0.0} workflows/s at {best.Concurrency} in flight: target >= {WorkflowsPerSecondMinimum:0} {check.Result}");
    }

    private void ActorLine(TextWriter output, string metric, double value, string format, TargetCheck? check)
    {
        if (check is not null)
        {
            _checks.Add(check);
        }
        var target = check is null ? "" : check.AtLeast ? $">= {check.Limit:0}" : $"< {check.Limit:0}";
        output.WriteLine($"{metric,-30} {value.ToString(format, System.Globalization.CultureInfo.InvariantCulture),10} {target,10} {check?.Result ?? "",6}");
    }

    private void PrintMemory(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Memory of idle sidecars (embedded profile: state.sqlite + outbox, 2 × pubsub.in-memory, bindings.localstorage, resiliency; no apps), MiB = 1024² bytes");
        output.WriteLine($"{"metric",-58} {"value",10} {"target",10} {"result",6}");
        if (_idle is { } idle)
        {
            var n = idle.Sidecars;
            MemoryLine(output, "in-process: working set before any sidecar", idle.Before.WorkingSetBytes);
            MemoryLine(output, "in-process: working set with 1 sidecar", idle.WithFirst.WorkingSetBytes);
            MemoryLine(output, $"in-process: working set with {n} sidecars", idle.WithAll.WorkingSetBytes,
                new TargetCheck($"in-process working set with {n} idle sidecars", idle.WithAll.WorkingSetBytes / MiB, RunnerWorkingSetLimitMiB, "MiB"));
            MemoryLine(output, $"in-process: working set increase for {n} sidecars", idle.WithAll.WorkingSetBytes - idle.Before.WorkingSetBytes);
            MemoryLine(output, "in-process: working set per sidecar after the first", idle.MarginalWorkingSetBytes);
            MemoryLine(output, "in-process: managed heap before any sidecar", idle.Before.ManagedHeapBytes);
            MemoryLine(output, $"in-process: managed heap with {n} sidecars", idle.WithAll.ManagedHeapBytes);
            MemoryLine(output, "in-process: managed heap per sidecar after the first", idle.MarginalManagedHeapBytes);
            MemoryLine(output, $"in-process: GC committed with {n} sidecars", idle.WithAll.GcCommittedBytes);
        }
        if (_runner is { } runner)
        {
            if (runner.ResidentBytes is { } resident)
            {
                MemoryLine(output, $"runner process (run -f, {runner.Sidecars} idle apps): VmRSS", resident,
                    new TargetCheck($"runner VmRSS with {runner.Sidecars} idle sidecars", resident / MiB, RunnerWorkingSetLimitMiB, "MiB"));
                MemoryLine(output, $"runner process (run -f, {runner.Sidecars} idle apps): VmHWM (peak)", runner.PeakResidentBytes ?? double.NaN);
                output.WriteLine($"  runner: {runner.Dll}");
            }
            else
            {
                output.WriteLine($"  runner process not measured: {runner.Error}");
            }
        }
    }

    private void MemoryLine(TextWriter output, string metric, double bytes, TargetCheck? check = null)
    {
        if (check is not null)
        {
            _checks.Add(check);
        }
        output.WriteLine($"{metric,-58} {bytes / MiB,10:0.0} {(check is null ? "" : $"< {check.Limit:0}"),10} {check?.Result ?? "",6}");
    }
}
