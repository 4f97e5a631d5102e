using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace Microsoft.ML.Recurrent.Benchmarks.Kernels;

/// <summary>
/// A BenchmarkDotNet clock that reads the calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID) instead of wall time.
/// </summary>
/// <remarks>
/// The 2-core development machine is shared by six developers compiling at once (load averages of 15-40 were seen):
/// wall-clock timings of a single-threaded kernel then mostly measure the scheduler. Thread CPU time excludes the
/// time the thread waits for a core, so single-thread figures stay comparable across a noisy run; it still includes
/// cache misses caused by other processes. Valid only for single-threaded work on the benchmark thread.
/// </remarks>
public sealed unsafe partial class ThreadCpuClock : IClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static readonly ThreadCpuClock Instance = new();

    public string Title => "Thread CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp()
    {
        Timespec t;
        _ = ClockGetTime(ClockThreadCpuTimeId, &t);
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, Timespec* time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
