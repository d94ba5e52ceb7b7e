namespace KubeLint.Analyzer.Engine;

/// <summary>Runs independent pieces of work of one pass on every core.</summary>
public static class ParallelWork
{
    /// <summary>
    /// <see cref="Parallel.For(int, int, Action{int})"/>, except that a single piece runs on the calling thread: a
    /// parallel loop starts thread-pool workers even for one item, which is a noticeable part of a one-file run.
    /// </summary>
    public static void For(int count, Action<int> body)
    {
        if (count == 1)
        {
            body(0);
            return;
        }

        Parallel.For(0, count, body);
    }
}
