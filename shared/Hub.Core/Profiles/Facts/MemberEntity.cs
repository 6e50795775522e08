using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>A member row (<c>{golden}|~member|{member}</c>): a key whose records belong to the golden person.</summary>
internal sealed class MemberEntity : StoredEntity
{
    public string Golden { get; set; } = string.Empty;

    public string Member { get; set; } = string.Empty;

    public static MemberEntity FromRow(StoredRow row) => row.Fill(new MemberEntity
    {
        Golden = row.GetString(nameof(Golden)) ?? string.Empty,
        Member = row.GetString(nameof(Member)) ?? string.Empty,
    });
}
