using System.Text.Json.Serialization;
using Hub.Core.Kernel;

namespace Hub.Core.Feeds.Sources;

/// <summary>
/// One Hub attribute of a departmental export and where its value comes from: a column (or part of one, by
/// <see cref="Pattern"/> or <see cref="Substring"/>), a <see cref="Constant"/> for the whole file, or a
/// <see cref="Template"/> joining several columns. Several fields may read the same column.
/// </summary>
public sealed record FieldMapping
{
    /// <summary>
    /// The column header as the department exports it, e.g. <c>身份证号码</c>; empty for a field whose value is a
    /// <see cref="Constant"/> or a <see cref="Template"/>.
    /// </summary>
    public string Column { get; init; } = string.Empty;

    /// <summary>Other headers the same column has been seen under.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The Hub attribute, camelCase, e.g. <c>residentId</c>.</summary>
    public required string Attribute { get; init; }

    /// <summary>How the value is normalised and validated.</summary>
    public FieldType Type { get; init; } = FieldType.Text;

    /// <summary>Whether a record without a value is rejected.</summary>
    public bool Required { get; init; }

    /// <summary>For <see cref="FieldType.Code"/>: the name of the code list in <see cref="SourceMapping.CodeLists"/>.</summary>
    public string? CodeList { get; init; }

    /// <summary>For <see cref="FieldType.Code"/>: the code a label missing from the code list stands for.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Default { get; init; }

    /// <summary>The value of every record of the file, e.g. <c>公租房</c> for an export of public-rental tenants only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Constant { get; init; }

    /// <summary>
    /// Columns joined into one value, each named in braces: <c>{楼栋}栋{单元}单元{房号}室</c>. The value is missing
    /// when any named column is empty.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Template { get; init; }

    /// <summary>
    /// A regular expression with one named group: the field takes what the group matched, e.g.
    /// <c>^(?&lt;id&gt;.{18})\d{2}$</c> for the ID at the start of a certificate number. A value it does not match is invalid.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Pattern { get; init; }

    /// <summary>The characters of the value the field takes; a value too short for them is invalid.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FieldSubstring? Substring { get; init; }

    /// <summary>
    /// What an invalid value does; by default a required field rejects the record and an optional one drops the value
    /// with a warning. Not for the <see cref="FieldType.ResidentId"/> field, whose problems the source's
    /// <see cref="SourceMapping.MatchWithoutId"/> governs.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public InvalidValuePolicy? OnInvalid { get; init; }

    /// <summary>Sensitivity level of the attribute.</summary>
    public Sensitivity Sensitivity { get; init; } = Sensitivity.L1;

    /// <summary>Sharing type of the attribute.</summary>
    public SharingType Sharing { get; init; } = SharingType.Unconditional;

    /// <summary>The header and its aliases; none for a constant or a template.</summary>
    [JsonIgnore]
    public IEnumerable<string> Headers => Column.Length == 0 ? Aliases : Aliases.Prepend(Column);

    /// <summary>What an invalid value does once the defaults are applied.</summary>
    [JsonIgnore]
    public InvalidValuePolicy InvalidValues => OnInvalid ?? (Required ? InvalidValuePolicy.Reject : InvalidValuePolicy.Drop);

    /// <summary>True when the value is the column's value as it is, with no part taken and nothing joined.</summary>
    [JsonIgnore]
    public bool IsPlainColumn => Column.Length > 0 && Constant is null && Template is null && Pattern is null && Substring is null;
}
