using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Hub.Core.Kernel;

/// <summary>
/// The GB/T 2260 address codes a resident ID number may start with: every county- and prefecture-level division
/// of the revisions from 1980 to 2023, retired ones included, because a number keeps the code it was issued with
/// for life. Embedded from <c>Kernel/Data/gb2260-address-codes.txt</c> and read once, on the first lookup.
/// </summary>
public static class AddressCodes
{
    internal const string ResourceName = "Hub.Core.Kernel.gb2260-address-codes.txt";

    private static readonly Lazy<FrozenSet<int>> Codes = new(Load);

    /// <summary>How many codes the table holds.</summary>
    public static int Count => Codes.Value.Count;

    /// <summary>True when <paramref name="code"/> is six ASCII digits naming a division of the table.</summary>
    public static bool Contains(ReadOnlySpan<char> code) =>
        code.Length == 6
        && !code.ContainsAnyExceptInRange('0', '9')
        && Codes.Value.Contains(int.Parse(code, NumberStyles.None, CultureInfo.InvariantCulture));

    private static FrozenSet<int> Load()
    {
        using var stream = typeof(AddressCodes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The address-code table '{ResourceName}' is not embedded in Hub.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var codes = new HashSet<int>(8000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // "1101 00 01 02": a prefecture's 4-digit prefix, then the last two digits of each code under it.
            var parts = line.Split(' ');
            if (parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || parts.Length < 2)
            {
                throw new InvalidDataException($"The address-code table '{ResourceName}' has a line that does not start with a 4-digit prefix and its codes.");
            }

            foreach (var part in parts.AsSpan(1))
            {
                if (part.Length != 2 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var last))
                {
                    throw new InvalidDataException($"The address-code table '{ResourceName}' has a code under prefix {parts[0]} that is not two digits.");
                }

                codes.Add((prefix * 100) + last);
            }
        }

        return codes.ToFrozenSet();
    }
}
