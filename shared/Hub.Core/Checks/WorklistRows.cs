using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hub.Core.Kernel;

namespace Hub.Core.Checks;

/// <summary>
/// The keys of the worklist table. An item lives in the partition of its person (<c>i-p0a3</c>, as person data is
/// partitioned), so a batch reads its persons' items with a few range queries; it is listed by two index rows, one in
/// its owner's partition (<c>d-civil-affairs</c>) and one per street of the person's places (<c>s-110105001</c>), with
/// row keys <c>status|id</c>, so a department's or a street's open items are one partition's range.
/// </summary>
internal static class WorklistRows
{
    /// <summary>An item id: 32 lower-case hex characters.</summary>
    public const string IdPattern = "^[0-9a-f]{32}$";

    public const string ItemPrefix = "i-";
    public const string DepartmentPrefix = "d-";
    public const string StreetPrefix = "s-";

    /// <summary>The id of the item <paramref name="identity"/> makes: the person key's first three characters, then a hash.</summary>
    public static string ItemId(PersonKey person, string identity)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
        return person.Value[..3] + hash[..29];
    }

    public static bool IsId(string? text) =>
        text is { Length: 32 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>The item partition of an id: its person's partition.</summary>
    public static string ItemPartition(string id) =>
        ItemPrefix + PersonKey.FormatPartition(int.Parse(id.AsSpan(0, 3), NumberStyles.HexNumber, CultureInfo.InvariantCulture) % PersonKey.PartitionCount);

    public static string ItemPartition(int personPartition) => ItemPrefix + PersonKey.FormatPartition(personPartition);

    public static string Department(string owner) => DepartmentPrefix + owner;

    public static string Street(string street) => StreetPrefix + street;

    public static string IndexRowKey(WorklistStatus status, string id) => $"{StatusName(status)}|{id}";

    public static string StatusName(WorklistStatus status) => WorklistStatusText.Of(status);

    public static bool TryParseStatus(string? text, out WorklistStatus status) => WorklistStatusText.TryParse(text, out status);
}
