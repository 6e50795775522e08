namespace Hub.Samples;

/// <summary>
/// Derives independent seeds from several numbers (a population seed, a person number, a purpose) with SplitMix64,
/// so per-person draws replay without one long shared sequence; <see cref="string.GetHashCode()"/> is randomised
/// per process and nearby seeds of <see cref="Random"/> start alike, so neither will do.
/// </summary>
internal static class SeedMixer
{
    public static int Mix(params ReadOnlySpan<int> parts)
    {
        var state = 0x9E3779B97F4A7C15UL;
        foreach (var part in parts)
        {
            state = Scramble(state ^ unchecked((ulong)(uint)part));
        }

        return unchecked((int)state);
    }

    /// <summary>A number for a text (a source id), stable across processes: FNV-1a.</summary>
    public static int Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }

    private static ulong Scramble(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
