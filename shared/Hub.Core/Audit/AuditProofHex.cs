namespace Hub.Core.Audit;

/// <summary>Reads the hex hashes of a proof as it travelled, refusing (not throwing on) anything that is not 32 bytes of hex.</summary>
internal static class AuditProofHex
{
    public static bool TryParse(string? hex, out byte[] hash)
    {
        hash = [];
        if (hex is not { Length: 2 * MerkleTreeHash.HashSize } || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        hash = Convert.FromHexString(hex);
        return true;
    }

    public static bool TryParse(IReadOnlyList<string>? hexes, out List<byte[]> hashes)
    {
        hashes = [];
        foreach (var hex in hexes ?? [])
        {
            if (!TryParse(hex, out var hash))
            {
                return false;
            }

            hashes.Add(hash);
        }

        return hexes is not null;
    }

    public static List<string> Format(IEnumerable<byte[]> hashes) => hashes.Select(Convert.ToHexStringLower).ToList();
}
